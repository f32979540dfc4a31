package io.centerline.reference;

import io.centerline.platform.ReferenceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the versioned reference files (lines starting with {@code #} are comments) under {@code classpath:reference/} into the database. A file is applied again
 * only when its content changed (its SHA-256 is kept in {@code reference_dataset}); rows are upserted by key. The
 * HTS-to-Center map file seeds the first map versions only: later versions come from administrators and are never
 * replaced by the file.
 */
@Component
class ReferenceDataLoader {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReferenceDataLoader(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    void load() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("lock table reference_dataset in exclusive mode").update();
            apply(
                    "centers.csv",
                    (row, db) -> db.sql("insert into center (code, number, name, management_office) values (?, ?, ?, ?)"
                                    + " on conflict (code) do update set number = excluded.number, name = excluded.name,"
                                    + " management_office = excluded.management_office")
                            .params(row.get("code"), row.get("number"), row.get("name"), row.get("management_office"))
                            .update());
            apply(
                    "ports.csv",
                    (row, db) -> db.sql("insert into port (code, name, state, kind) values (?, ?, ?, ?)"
                                    + " on conflict (code) do update set name = excluded.name, state = excluded.state,"
                                    + " kind = excluded.kind")
                            .params(row.get("code"), row.get("name"), row.get("state"), row.get("kind"))
                            .update());
            apply(
                    "countries.csv",
                    (row, db) -> db.sql("insert into country (code, name) values (?, ?)"
                                    + " on conflict (code) do update set name = excluded.name")
                            .params(row.get("code"), row.get("name"))
                            .update());
            apply(
                    "entry-types.csv",
                    (row, db) -> db.sql(
                                    "insert into entry_type (code, name, category, adcvd, adcvd_optional,"
                                            + " entry_summary, liquidation_from) values (?, ?, ?, ?, ?, ?, ?) on conflict (code)"
                                            + " do update set name = excluded.name, category = excluded.category, adcvd ="
                                            + " excluded.adcvd, adcvd_optional = excluded.adcvd_optional,"
                                            + " entry_summary = excluded.entry_summary, liquidation_from = excluded.liquidation_from")
                            .params(
                                    row.get("code"),
                                    row.get("name"),
                                    row.get("category"),
                                    Boolean.parseBoolean(row.get("adcvd")),
                                    Boolean.parseBoolean(row.get("adcvd_optional")),
                                    Boolean.parseBoolean(row.get("entry_summary")),
                                    row.get("liquidation_from"))
                            .update());
            apply(
                    "modes-of-transport.csv",
                    (row, db) -> db.sql(
                                    "insert into mode_of_transport (code, name, vessel) values (?, ?, ?)"
                                            + " on conflict (code) do update set name = excluded.name, vessel = excluded.vessel")
                            .params(row.get("code"), row.get("name"), Boolean.parseBoolean(row.get("vessel")))
                            .update());
            apply(
                    "fee-schedules.csv",
                    (row, db) -> db.sql(
                                    "insert into fee_schedule (fee, fiscal_year, effective_from, rate_percent, minimum, maximum,"
                                            + " annual, source) values (?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?, ?)"
                                            + " on conflict (fee, fiscal_year) do update set effective_from = excluded.effective_from,"
                                            + " rate_percent = excluded.rate_percent, minimum = excluded.minimum,"
                                            + " maximum = excluded.maximum, annual = excluded.annual, source = excluded.source")
                            .params(
                                    row.get("fee"),
                                    Integer.parseInt(row.get("fiscal_year")),
                                    LocalDate.parse(row.get("effective_from")),
                                    row.get("rate_percent"),
                                    blankToNull(row.get("minimum")),
                                    blankToNull(row.get("maximum")),
                                    Boolean.parseBoolean(row.get("annual")),
                                    row.get("source"))
                            .update());
            apply(
                    "statutory-periods.csv",
                    (row, db) -> db.sql(
                                    "insert into statutory_period (code, effective_from, amount, unit, description, source)"
                                            + " values (?, ?, ?, ?, ?, ?) on conflict (code, effective_from) do update set"
                                            + " amount = excluded.amount, unit = excluded.unit,"
                                            + " description = excluded.description, source = excluded.source")
                            .params(
                                    row.get("code"),
                                    LocalDate.parse(row.get("effective_from")),
                                    Integer.parseInt(row.get("amount")),
                                    row.get("unit"),
                                    row.get("description"),
                                    row.get("source"))
                            .update());
            apply(
                    "value-limits.csv",
                    (row, db) -> db.sql("insert into value_limit (code, effective_from, amount, description, source)"
                                    + " values (?, ?, ?::numeric, ?, ?) on conflict (code, effective_from) do update"
                                    + " set amount = excluded.amount, description = excluded.description,"
                                    + " source = excluded.source")
                            .params(
                                    row.get("code"),
                                    LocalDate.parse(row.get("effective_from")),
                                    row.get("amount"),
                                    row.get("description"),
                                    row.get("source"))
                            .update());
            apply(
                    "adcvd-orders.csv",
                    (row, db) -> db.sql("insert into adcvd_order (case_number, kind, product, country, hts_prefixes,"
                                    + " effective_from, revoked_on, deposit_rate) values (?, ?, ?, ?, ?, ?, ?, ?::numeric)"
                                    + " on conflict (case_number) do update set kind = excluded.kind,"
                                    + " product = excluded.product, country = excluded.country,"
                                    + " hts_prefixes = excluded.hts_prefixes, effective_from = excluded.effective_from,"
                                    + " revoked_on = excluded.revoked_on, deposit_rate = excluded.deposit_rate")
                            .params(
                                    row.get("case_number"),
                                    row.get("kind"),
                                    row.get("product"),
                                    row.get("country"),
                                    row.get("hts_prefixes").trim(),
                                    LocalDate.parse(row.get("effective_from")),
                                    blankToNull(row.get("revoked_on")) == null
                                            ? null
                                            : LocalDate.parse(row.get("revoked_on")),
                                    row.get("deposit_rate"))
                            .update());
            seedHtsCenterMap();
        });
    }

    private void seedHtsCenterMap() {
        boolean seeded = jdbc.sql("select exists (select 1 from hts_center_map_version)")
                .query(Boolean.class)
                .single();
        if (seeded) {
            return;
        }
        Map<LocalDate, List<CSVRecord>> byDate = new TreeMap<>();
        for (CSVRecord row : ReferenceFiles.rows("reference/hts-center-map.csv")) {
            byDate.computeIfAbsent(LocalDate.parse(row.get("effective_from")), d -> new java.util.ArrayList<>())
                    .add(row);
        }
        byDate.forEach((effectiveFrom, rows) -> {
            int version = jdbc.sql("insert into hts_center_map_version (effective_from, loaded_at, loaded_by, note)"
                            + " values (?, ?, 'reference file', 'hts-center-map.csv') returning version")
                    .params(effectiveFrom, Timestamp.from(clock.instant()))
                    .query(Integer.class)
                    .single();
            for (CSVRecord row : rows) {
                jdbc.sql("insert into hts_center_map_range (version, heading_from, heading_to, center, description)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(
                                version,
                                row.get("heading_from"),
                                row.get("heading_to"),
                                row.get("center"),
                                row.get("description"))
                        .update();
            }
        });
    }

    private void apply(String file, BiConsumer<CSVRecord, JdbcClient> upsert) {
        String sha = sha256(file);
        boolean current = jdbc.sql("select exists (select 1 from reference_dataset where name = ? and sha256 = ?)")
                .params(file, sha)
                .query(Boolean.class)
                .single();
        if (current) {
            return;
        }
        for (CSVRecord row : ReferenceFiles.rows("reference/" + file)) {
            upsert.accept(row, jdbc);
        }
        jdbc.sql("insert into reference_dataset (name, sha256, loaded_at) values (?, ?, ?)"
                        + " on conflict (name) do update set sha256 = excluded.sha256, loaded_at = excluded.loaded_at")
                .params(file, sha, Timestamp.from(clock.instant()))
                .update();
    }

    private static String sha256(String file) {
        try (InputStream in = new ClassPathResource("reference/" + file).getInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
