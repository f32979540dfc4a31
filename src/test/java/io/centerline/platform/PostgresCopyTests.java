package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PostgresCopyTests {

    private static String rows(PostgresCopy copy) {
        return new String(copy.bytes(), StandardCharsets.UTF_8);
    }

    /** What COPY text format makes of a string: its UTF-8 encoding, with backslashes and line breaks escaped. */
    private static String asCopied(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static String one(Object value) {
        return rows(new PostgresCopy("t", "c").row(value)).replace("\n", "");
    }

    @Test
    void valuesAreSeparatedByTabsAndRowsEndWithANewline() {
        PostgresCopy copy = new PostgresCopy("t", "a", "b").row("x", 1).row("y", 2L);

        assertThat(rows(copy)).isEqualTo("x\t1\ny\t2\n");
        assertThat(copy.count()).isEqualTo(2);
    }

    @Test
    void nullIsWrittenAsBackslashN() {
        assertThat(one(null)).isEqualTo("\\N");
    }

    @Test
    void backslashesTabsNewlinesAndCarriageReturnsAreEscaped() {
        assertThat(one("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
    }

    @Test
    void textIsWrittenAsUtf8IncludingCharactersOutsideTheBasicPlane() {
        String text = "Société 株式会社 \uD83D\uDE80 Ω";

        assertThat(one(text)).isEqualTo(text);
    }

    @Test
    void anUnpairedSurrogateBecomesAQuestionMarkAsStringEncodingHasIt() {
        String text = "a\uD83Db\uDE80";

        assertThat(one(text)).isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void decimalsAreWrittenInPlainNotation() {
        assertThat(one(new BigDecimal("0.05"))).isEqualTo("0.05");
        assertThat(one(new BigDecimal("-0.05"))).isEqualTo("-0.05");
        assertThat(one(new BigDecimal("0.00"))).isEqualTo("0.00");
        assertThat(one(new BigDecimal("125000.00"))).isEqualTo("125000.00");
        assertThat(one(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(one(new BigDecimal("12345678901234567890.1234"))).isEqualTo("12345678901234567890.1234");
        assertThat(one(new BigDecimal("-9223372036854775808"))).isEqualTo("-9223372036854775808");
    }

    @Test
    void wholeNumbersIncludingTheExtremesAreWrittenInFull() {
        assertThat(one(0)).isEqualTo("0");
        assertThat(one(-42)).isEqualTo("-42");
        assertThat(one(Long.MIN_VALUE)).isEqualTo(Long.toString(Long.MIN_VALUE));
        assertThat(one(Long.MAX_VALUE)).isEqualTo(Long.toString(Long.MAX_VALUE));
    }

    @Test
    void datesTimesFlagsAndFractionsAreWrittenAsPostgresReadsThem() {
        assertThat(one(LocalDate.of(2026, 3, 2))).isEqualTo("2026-03-02");
        assertThat(one(LocalDate.of(12026, 3, 2))).isEqualTo("+12026-03-02");
        assertThat(one(Instant.parse("2026-11-29T01:02:03.456789Z"))).isEqualTo("2026-11-29T01:02:03.456789Z");
        assertThat(one(true) + one(false)).isEqualTo("tf");
        assertThat(one(0.125)).isEqualTo("0.125");
    }

    @Test
    void rowsLongerThanAPageCarryOverIntact() {
        String longText = "é".repeat(40_000) + "x";
        PostgresCopy copy = new PostgresCopy("t", "a", "b");
        for (int i = 0; i < 3; i++) {
            copy.row(longText, i);
        }

        assertThat(rows(copy)).isEqualTo((longText + "\t0\n") + (longText + "\t1\n") + (longText + "\t2\n"));
    }

    @Property(tries = 5_000)
    void everyDecimalIsWrittenAsItsPlainString(@ForAll long unscaled, @ForAll @IntRange(min = -4, max = 20) int scale) {
        BigDecimal decimal = new BigDecimal(BigInteger.valueOf(unscaled), scale);

        assertThat(one(decimal)).isEqualTo(decimal.toPlainString());
    }

    @Property(tries = 200)
    void printableTextAcrossPageBoundariesComesBackWhole(
            @ForAll @StringLength(min = 1, max = 9_000) @CharRange(from = ' ', to = '~') String text,
            @ForAll @StringLength(max = 3) String tail) {
        PostgresCopy copy = new PostgresCopy("t", "a");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            copy.row(text + tail);
            expected.append(asCopied(text + tail)).append('\n');
        }

        assertThat(rows(copy)).isEqualTo(expected.toString());
    }

    @Property(tries = 2_000)
    void everyStringComesBackAsItsUtf8EncodingWithEscapes(@ForAll String text) {
        assertThat(one(text)).isEqualTo(asCopied(text));
    }
}
