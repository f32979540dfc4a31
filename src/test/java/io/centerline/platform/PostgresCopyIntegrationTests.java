package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centerline.support.ApiTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the server stores of rows sent with {@link PostgresCopy}, in the binary format and in the text format. */
class PostgresCopyIntegrationTests extends ApiTest {

    private static final Random RANDOM = new Random(20261201);

    @Autowired
    DataSource dataSource;

    private interface Check {
        void run(Connection connection, Statement statement) throws SQLException;
    }

    /** Runs a check on one connection in a transaction that is rolled back, with its temporary tables dropped. */
    private void withTable(String definition, Check check) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("create temporary table " + definition + " on commit drop");
                check.run(connection, statement);
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void valuesOfEveryColumnTypeIntakeWritesComeBackAsTheyWereSentInBinary() throws SQLException {
        withTable(
                "copy_kinds (t text, c char(2), j jsonb, s smallint, i int, l bigint, n numeric, m numeric(16, 2),"
                        + " f double precision, b boolean, d date, ts timestamptz)",
                (connection, statement) -> {
                    PostgresCopy copy = new PostgresCopy(
                                    "copy_kinds", "t", "c", "j", "s", "i", "l", "n", "m", "f", "b", "d", "ts")
                            .row(
                                    "Société \t\\ 株式会社 \uD83D\uDE80",
                                    "01",
                                    "{\"entries\": [\"ABC12345676/1\"]}",
                                    (short) -7,
                                    2_000_000_000,
                                    Long.MIN_VALUE,
                                    new BigDecimal("-12345678901234567890.000123"),
                                    new BigDecimal("125000.005"),
                                    0.125,
                                    true,
                                    LocalDate.of(1999, 12, 31),
                                    Instant.parse("2026-11-29T01:02:03.456789Z"))
                            .row(null, null, null, null, null, null, null, null, null, null, null, null);

                    assertThat(copy.sendsBinary(connection)).isTrue();
                    assertThat(copy.into(connection)).isEqualTo(2);
                    try (ResultSet rows = statement.executeQuery(
                            "select t, c, j::text, s, i, l, n::text, m::text, f, b, d, ts, t is null and c is null"
                                    + " and j is null and s is null and i is null and l is null and n is null"
                                    + " and m is null and f is null and b is null and d is null and ts is null"
                                    + " from copy_kinds order by t nulls last")) {
                        rows.next();
                        assertThat(rows.getString(1)).isEqualTo("Société \t\\ 株式会社 \uD83D\uDE80");
                        assertThat(rows.getString(2)).isEqualTo("01");
                        assertThat(rows.getString(3)).isEqualTo("{\"entries\": [\"ABC12345676/1\"]}");
                        assertThat(rows.getShort(4)).isEqualTo((short) -7);
                        assertThat(rows.getInt(5)).isEqualTo(2_000_000_000);
                        assertThat(rows.getLong(6)).isEqualTo(Long.MIN_VALUE);
                        assertThat(rows.getString(7)).isEqualTo("-12345678901234567890.000123");
                        assertThat(rows.getString(8)).isEqualTo("125000.01");
                        assertThat(rows.getDouble(9)).isEqualTo(0.125);
                        assertThat(rows.getBoolean(10)).isTrue();
                        assertThat(rows.getObject(11, LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 31));
                        assertThat(rows.getTimestamp(12).toInstant())
                                .isEqualTo(Instant.parse("2026-11-29T01:02:03.456789Z"));
                        assertThat(rows.getBoolean(13)).isFalse();
                        rows.next();
                        assertThat(rows.getBoolean(13)).isTrue();
                    }
                });
    }

    @Test
    void everyDecimalIsStoredWithItsValueAndItsDecimalPlaces() throws SQLException {
        List<BigDecimal> decimals = new ArrayList<>(List.of(
                BigDecimal.ZERO,
                new BigDecimal("0.00"),
                new BigDecimal("0.0001"),
                new BigDecimal("-0.00005"),
                new BigDecimal("1E+3"),
                new BigDecimal("-9223372036854775808"),
                new BigDecimal("9223372036854775807.5"),
                new BigDecimal("10000"),
                new BigDecimal("99990000.00010000")));
        for (int i = 0; i < 3_000; i++) {
            long unscaled = switch (i % 3) {
                case 0 -> RANDOM.nextLong();
                case 1 -> RANDOM.nextInt(1_000_000) - 500_000;
                default -> (long) RANDOM.nextInt(100) * 10_000L;
            };
            BigInteger big = i % 10 == 0 ? BigInteger.valueOf(unscaled).multiply(BigInteger.TEN.pow(25)) : null;
            decimals.add(new BigDecimal(big == null ? BigInteger.valueOf(unscaled) : big, RANDOM.nextInt(25) - 4));
        }
        withTable("copy_decimals (k int, n numeric)", (connection, statement) -> {
            PostgresCopy copy = new PostgresCopy("copy_decimals", "k", "n");
            for (int i = 0; i < decimals.size(); i++) {
                copy.row(i, decimals.get(i));
            }
            assertThat(copy.sendsBinary(connection)).isTrue();
            copy.into(connection);
            try (ResultSet rows = statement.executeQuery("select k, n::text from copy_decimals order by k")) {
                int i = 0;
                while (rows.next()) {
                    BigDecimal sent = decimals.get(i++);
                    assertThat(rows.getString(2))
                            .as("decimal %s", sent)
                            .isEqualTo((sent.scale() < 0 ? sent.setScale(0) : sent).toPlainString());
                }
                assertThat(i).isEqualTo(decimals.size());
            }
        });
    }

    @Test
    void everyStringIsStoredAsItsUtf8EncodingAnUnpairedSurrogateAsAQuestionMark() throws SQLException {
        List<String> texts = new ArrayList<>(List.of("", "a\uD83Db\uDE80", "é".repeat(40_000) + "x"));
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = RANDOM.nextInt(i % 50 == 0 ? 20_000 : 40);
            for (int c = 0; c < length; c++) {
                char next = (char) (i % 2 == 0 ? 1 + RANDOM.nextInt(0xFFFF) : ' ' + RANDOM.nextInt(95));
                text.append(next);
            }
            texts.add(text.toString());
        }
        withTable("copy_texts (k int, t text)", (connection, statement) -> {
            PostgresCopy copy = new PostgresCopy("copy_texts", "k", "t");
            for (int i = 0; i < texts.size(); i++) {
                copy.row(i, texts.get(i));
            }
            assertThat(copy.sendsBinary(connection)).isTrue();
            copy.into(connection);
            try (ResultSet rows = statement.executeQuery("select k, t from copy_texts order by k")) {
                int i = 0;
                while (rows.next()) {
                    String sent = texts.get(i++);
                    assertThat(rows.getString(2))
                            .isEqualTo(new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
                }
                assertThat(i).isEqualTo(texts.size());
            }
        });
    }

    @Test
    void instantsAreStoredToTheMicrosecondAndDatesWholeFarFromTwoThousand() throws SQLException {
        List<Instant> instants = List.of(
                Instant.parse("1970-01-01T00:00:00Z"),
                Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("2000-01-01T00:00:00Z"),
                Instant.parse("2026-06-30T12:00:00.123456789Z"),
                Instant.parse("2199-03-01T00:00:00.000001Z"));
        withTable("copy_times (k int, ts timestamptz, d date)", (connection, statement) -> {
            PostgresCopy copy = new PostgresCopy("copy_times", "k", "ts", "d");
            for (int i = 0; i < instants.size(); i++) {
                copy.row(i, instants.get(i), LocalDate.of(1900 + 50 * i, 1 + i, 28));
            }
            assertThat(copy.sendsBinary(connection)).isTrue();
            copy.into(connection);
            try (ResultSet rows = statement.executeQuery("select k, ts, d from copy_times order by k")) {
                for (int i = 0; i < instants.size(); i++) {
                    rows.next();
                    assertThat(rows.getTimestamp(2).toInstant())
                            .isEqualTo(instants.get(i).truncatedTo(ChronoUnit.MICROS));
                    assertThat(rows.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(1900 + 50 * i, 1 + i, 28));
                }
            }
        });
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsSentAsTextForTheServerToStoreOrRefuse() throws SQLException {
        withTable("copy_fallback (i int, t text)", (connection, statement) -> {
            PostgresCopy fits = new PostgresCopy("copy_fallback", "i", "t").row("12", true);

            assertThat(fits.sendsBinary(connection)).isFalse();
            assertThat(fits.into(connection)).isEqualTo(1);
            try (ResultSet rows = statement.executeQuery("select i, t from copy_fallback")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(12);
                assertThat(rows.getString(2)).isEqualTo("t");
            }
        });
        withTable("copy_fallback (i int, t text)", (connection, statement) -> {
            PostgresCopy tooLarge = new PostgresCopy("copy_fallback", "i", "t").row(1L << 40, "x");

            assertThat(tooLarge.sendsBinary(connection)).isFalse();
            assertThatThrownBy(() -> tooLarge.into(connection))
                    .isInstanceOfSatisfying(
                            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
        });
    }

    @Test
    void aTableWithAColumnOfAnotherTypeIsSentAsText() throws SQLException {
        withTable("copy_other (k int, a text[])", (connection, statement) -> {
            PostgresCopy copy = new PostgresCopy("copy_other", "k", "a").row(1, "{x,y}");

            assertThat(copy.sendsBinary(connection)).isFalse();
            assertThat(copy.into(connection)).isEqualTo(1);
            try (ResultSet rows = statement.executeQuery("select a[2] from copy_other")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("y");
            }
        });
    }
}
