package io.centerline.targeting;

import io.centerline.accounts.Accounts;
import io.centerline.accounts.TrustedPartnership;
import io.centerline.entries.EntryLine;
import io.centerline.entries.EntryStatus;
import io.centerline.entries.EntrySummary;
import io.centerline.entries.EntrySummaryAccepted;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Accepted entry summaries read back as targeting examines them: their lines as {@link Declaration}s, whether the
 * importer was a trusted partner on the entry date, and the review history of the parties.
 */
@Component
public class StoredEntries {

    private static final String SELECT = "select s.entry_number, s.version, s.entry_type, s.importer_number,"
            + " s.filer_code, s.port_of_entry, s.mode_of_transport, s.center, s.entry_date, l.line_number,"
            + " l.hts_number, l.country_of_origin, l.country_of_export, l.manufacturer_id, l.description,"
            + " l.entered_value, l.quantity, l.unit, l.gross_weight_kg, l.duty_amount, l.related_party,"
            + " l.adcvd_case_number, l.center, s.status"
            + " from entry_summary s join entry_line l on l.entry_number = s.entry_number and l.version = s.version";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ReviewHistory history;

    StoredEntries(JdbcClient jdbc, Accounts accounts, ReviewHistory history) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.history = history;
    }

    /**
     * Accepted versions as targeting examines them, from the summaries intake handed over in memory, so that scoring
     * right after intake reads nothing back; each line is read as it is stored (the Center intake routed it to, its duty
     * as a percentage of its value).
     */
    public List<EntryUnderReview> accepted(List<EntrySummaryAccepted> accepted) {
        Partnerships partnerships = new Partnerships(accounts.trustedPartnerships());
        List<EntryUnderReview> entries = new ArrayList<>(accepted.size());
        for (EntrySummaryAccepted event : accepted) {
            EntrySummary summary = event.summary();
            List<Row> rows = new ArrayList<>(summary.lines().size());
            for (int i = 0; i < summary.lines().size(); i++) {
                rows.add(Row.of(
                        event,
                        summary,
                        summary.lines().get(i),
                        event.lineCenters().get(i)));
            }
            entries.add(assemble(rows, partnerships));
        }
        return entries;
    }

    /** The given versions, in the order given; versions not stored are left out. */
    public List<EntryUnderReview> load(Collection<EntryKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        String[] numbers = keys.stream().map(EntryKey::entryNumber).toArray(String[]::new);
        Integer[] versions = keys.stream().map(EntryKey::version).toArray(Integer[]::new);
        Map<EntryKey, List<Row>> rows = new HashMap<>();
        jdbc.sql(SELECT + " join unnest(?::text[], ?::int[]) as k(n, v) on s.entry_number = k.n and s.version = k.v"
                        + " order by s.entry_number, s.version, l.line_number")
                .params(numbers, versions)
                .query(resultSet -> {
                    Row row = Row.of(resultSet);
                    rows.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
                });
        Partnerships partnerships = new Partnerships(accounts.trustedPartnerships());
        List<EntryUnderReview> entries = new ArrayList<>(rows.size());
        for (EntryKey key : keys) {
            List<Row> lines = rows.get(key);
            if (lines != null) {
                entries.add(assemble(lines, partnerships));
            }
        }
        return entries;
    }

    /**
     * Every current version of the summaries entered between two dates (both included), optionally of one Center, in
     * entry-date order, one at a time so that a year of entries never sits in memory at once.
     */
    public void forEachEnteredBetween(LocalDate from, LocalDate to, String center, Consumer<EntryUnderReview> action) {
        Partnerships partnerships = new Partnerships(accounts.trustedPartnerships());
        List<Row> pending = new ArrayList<>();
        jdbc.sql(SELECT + " where s.entry_date between ? and ? and (cast(? as text) is null or s.center = ?)"
                        + " and s.version = (select max(c.version) from entry_summary c"
                        + " where c.entry_number = s.entry_number)"
                        + " order by s.entry_date, s.entry_number, l.line_number")
                .params(from, to, center, center)
                .withFetchSize(2_000)
                .query(resultSet -> {
                    Row row = Row.of(resultSet);
                    if (!pending.isEmpty() && !pending.get(0).key().equals(row.key())) {
                        action.accept(assemble(pending, partnerships));
                        pending.clear();
                    }
                    pending.add(row);
                });
        if (!pending.isEmpty()) {
            action.accept(assemble(pending, partnerships));
        }
    }

    private EntryUnderReview assemble(List<Row> rows, Partnerships partnerships) {
        Row first = rows.get(0);
        Declaration head = first.declaration;
        List<Declaration> lines = rows.stream().map(row -> row.declaration).toList();
        return new EntryUnderReview(
                head.entryNumber(),
                head.version(),
                head.entryDate(),
                head.entryType(),
                first.entryCenter,
                head.importer(),
                head.filer(),
                partnerships.covers(head.importer(), head.entryDate()),
                lines,
                history.of(head.importer(), head.filer(), lines),
                first.deemedLiquidated);
    }

    /** The trusted-partner periods of the importers in hand. */
    private static final class Partnerships {
        private final Map<String, List<TrustedPartnership>> byImporter = new HashMap<>();

        Partnerships(List<TrustedPartnership> periods) {
            periods.forEach(p -> byImporter
                    .computeIfAbsent(p.importerNumber(), k -> new ArrayList<>())
                    .add(p));
        }

        boolean covers(String importer, LocalDate date) {
            return byImporter.getOrDefault(importer, List.of()).stream().anyMatch(p -> p.covers(date));
        }
    }

    private record Row(String entryCenter, Declaration declaration, boolean deemedLiquidated) {

        EntryKey key() {
            return new EntryKey(declaration.entryNumber(), declaration.version());
        }

        static Row of(ResultSet rs) throws SQLException {
            double value = rs.getBigDecimal(16).doubleValue();
            BigDecimal duty = rs.getBigDecimal(20);
            return new Row(
                    rs.getString(8),
                    new Declaration(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getInt(10),
                            rs.getObject(9, LocalDate.class),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(23),
                            rs.getString(11),
                            rs.getString(12),
                            rs.getString(13),
                            rs.getString(14),
                            rs.getString(15),
                            value,
                            number(rs.getBigDecimal(17)),
                            rs.getString(18),
                            number(rs.getBigDecimal(19)),
                            Declaration.dutyRate(value, number(duty)),
                            rs.getBoolean(21),
                            rs.getString(22),
                            Map.of()),
                    EntryStatus.DEEMED_LIQUIDATED.name().equals(rs.getString(24)));
        }

        static Row of(EntrySummaryAccepted event, EntrySummary summary, EntryLine line, String lineCenter) {
            double value = line.enteredValue().amount().doubleValue();
            double duty = line.duty().amount().doubleValue();
            return new Row(
                    event.center(),
                    new Declaration(
                            event.entryNumber(),
                            event.version(),
                            line.lineNumber(),
                            summary.entryDate(),
                            summary.entryType(),
                            event.importerNumber(),
                            summary.entryNumber().filerCode(),
                            summary.portOfEntry(),
                            summary.modeOfTransport(),
                            lineCenter,
                            line.htsNumber().value(),
                            line.countryOfOrigin(),
                            line.countryOfExport(),
                            line.manufacturerId(),
                            line.description(),
                            value,
                            number(line.quantity()),
                            line.unit(),
                            number(line.grossWeightKg()),
                            Declaration.dutyRate(value, duty),
                            line.relatedParty(),
                            line.adcvdCaseNumber(),
                            Map.of()),
                    event.deemedLiquidated());
        }

        private static double number(BigDecimal value) {
            return value == null ? Double.NaN : value.doubleValue();
        }
    }
}
