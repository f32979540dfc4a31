package io.centerline.targeting.rules;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the stored entry summaries of an entry-date range for backtests, one at a time in entry-date order, with what
 * their reviews found. Only the latest version of each entry number is read. Rows stream from PostgreSQL through a
 * cursor ({@value #FETCH_SIZE} at a time, in a read-only transaction), so a range of millions of entries is never
 * held in memory.
 */
@Component
class StoredEntryRows {

    static final int FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    StoredEntryRows(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** A stored entry summary with the number of its reviews, those with a finding, and the revenue they found. */
    record StoredEntry(EntryUnderReview entry, long reviews, long findings, BigDecimal revenueFound) {}

    /** Every stored entry summary dated after {@code after} and up to {@code upTo}, of one Center or all, oldest first. */
    void forEach(LocalDate after, LocalDate upTo, String center, Consumer<StoredEntry> consumer) {
        String sql = sql("s.entry_date > ? and s.entry_date <= ? and (cast(? as text) is null or s.center = ?)", "");
        readOnly.executeWithoutResult(status -> {
            Assembler assembler = new Assembler(consumer);
            jdbc.sql(sql)
                    .params(after, upTo, center, center)
                    .withFetchSize(FETCH_SIZE)
                    .query(assembler::row);
            assembler.finish();
        });
    }

    /**
     * The latest stored entry summaries by entry date, at most {@code count} and none dated after {@code upTo}, oldest
     * first: a sample of what rules will meet.
     */
    List<StoredEntry> latest(int count, LocalDate upTo) {
        List<StoredEntry> latest = new ArrayList<>();
        Assembler assembler = new Assembler(latest::add);
        jdbc.sql(sql("s.entry_date <= ?", "order by s.entry_date desc, s.entry_number desc limit ?"))
                .params(upTo, count)
                .query(assembler::row);
        assembler.finish();
        return latest;
    }

    /** The query of the latest versions that meet a condition, with their lines and reviews, oldest first. */
    private static String sql(String condition, String order) {
        return """
                with summaries as (
                    select s.entry_number, s.version, s.entry_date, s.entry_type, s.importer_number, s.filer_code,
                           s.port_of_entry, s.mode_of_transport, s.center,
                           exists (select 1 from trusted_partner t join account a on a.id = t.account_id
                                   where a.importer_number = s.importer_number and t.effective_from <= s.entry_date
                                     and (t.effective_to is null or t.effective_to >= s.entry_date)) as trusted
                    from entry_summary s
                    where %s
                      and not exists (select 1 from entry_summary later
                                      where later.entry_number = s.entry_number and later.version > s.version)
                    %s)
                select s.*, l.line_number, l.hts_number, l.country_of_origin, l.country_of_export, l.manufacturer_id,
                       l.description, l.entered_value, l.quantity, l.unit, l.gross_weight_kg, l.related_party,
                       l.duty_amount, l.adcvd_case_number, o.reviews, o.findings, o.revenue
                from summaries s
                join entry_line l on l.entry_number = s.entry_number and l.version = s.version
                left join (select entry_number, count(*) as reviews,
                                  count(*) filter (where outcome <> 'NO_CHANGE') as findings,
                                  sum(revenue_difference) filter (where outcome <> 'NO_CHANGE') as revenue
                           from review_outcome group by entry_number) o on o.entry_number = s.entry_number
                order by s.entry_date, s.entry_number, l.line_number
                """.formatted(condition, order);
    }

    /** Gathers the rows of one entry summary's lines and hands on the summary when the next one begins. */
    private static final class Assembler {
        private final Consumer<StoredEntry> consumer;
        private final List<Declaration> lines = new ArrayList<>();
        private String entryNumber;
        private int version;
        private LocalDate entryDate;
        private String entryType;
        private String center;
        private String importer;
        private String filer;
        private boolean trusted;
        private long reviews;
        private long findings;
        private BigDecimal revenue;

        Assembler(Consumer<StoredEntry> consumer) {
            this.consumer = consumer;
        }

        void row(ResultSet rs) throws SQLException {
            String number = rs.getString("entry_number");
            int rowVersion = rs.getInt("version");
            if (!number.equals(entryNumber) || rowVersion != version) {
                finish();
                entryNumber = number;
                version = rowVersion;
                entryDate = rs.getObject("entry_date", LocalDate.class);
                entryType = rs.getString("entry_type");
                center = rs.getString("center");
                importer = rs.getString("importer_number");
                filer = rs.getString("filer_code");
                trusted = rs.getBoolean("trusted");
                reviews = rs.getLong("reviews");
                findings = rs.getLong("findings");
                revenue = rs.getBigDecimal("revenue");
            }
            double enteredValue = rs.getDouble("entered_value");
            double duty = rs.getDouble("duty_amount");
            BigDecimal weight = rs.getBigDecimal("gross_weight_kg");
            lines.add(new Declaration(
                    entryNumber,
                    version,
                    rs.getInt("line_number"),
                    entryDate,
                    entryType,
                    importer,
                    filer,
                    rs.getString("port_of_entry"),
                    rs.getString("mode_of_transport"),
                    center,
                    rs.getString("hts_number").trim(),
                    rs.getString("country_of_origin"),
                    rs.getString("country_of_export"),
                    rs.getString("manufacturer_id"),
                    rs.getString("description"),
                    enteredValue,
                    rs.getDouble("quantity"),
                    rs.getString("unit"),
                    weight == null ? Double.NaN : weight.doubleValue(),
                    enteredValue > 0 ? duty / enteredValue * 100 : Double.NaN,
                    rs.getBoolean("related_party"),
                    rs.getString("adcvd_case_number"),
                    Map.of()));
        }

        void finish() {
            if (entryNumber == null) {
                return;
            }
            EntryUnderReview entry = new EntryUnderReview(
                    entryNumber, version, entryDate, entryType, center, importer, filer, trusted, lines, History.NONE);
            consumer.accept(new StoredEntry(entry, reviews, findings, revenue == null ? BigDecimal.ZERO : revenue));
            lines.clear();
            entryNumber = null;
        }
    }
}
