package io.centerline.targeting.detectors;

import io.centerline.targeting.Declaration;
import io.centerline.targeting.Detector;
import io.centerline.targeting.EntryUnderReview;
import io.centerline.targeting.History;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warms the detectors' running statistics when the service starts, before any runner loads data: the stored entry
 * summaries (latest version of each) of the last months are replayed through {@link Detector#learn}, oldest entry
 * date first, streamed from the database. The replay is bounded twice: it starts late enough that at most a set
 * number of lines fall after its first date, so the latest entries are the ones replayed, and it stops when a set
 * time has passed, which the line bound should make rare (a few thousand lines a second on two cores).
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "centerline.targeting.detectors.warm-up.enabled", matchIfMissing = true)
class DetectorWarmUp {

    private static final Logger log = LoggerFactory.getLogger(DetectorWarmUp.class);

    private static final String LINES = "select s.entry_number, s.version, s.entry_type, s.importer_number, s.center,"
            + " s.port_of_entry, s.entry_date, s.mode_of_transport, s.filer_code, l.line_number, l.hts_number,"
            + " l.country_of_origin, l.country_of_export, l.manufacturer_id, l.description, l.entered_value,"
            + " l.quantity, l.unit, l.gross_weight_kg, l.related_party, l.duty_amount, l.adcvd_case_number, l.center"
            + " from entry_summary s join entry_line l on l.entry_number = s.entry_number and l.version = s.version"
            + " where s.entry_date between ? and ? and not exists (select 1 from entry_summary later"
            + " where later.entry_number = s.entry_number and later.version > s.version)"
            + " order by s.entry_date, s.accepted_at, s.entry_number, l.line_number";

    /** What one replay did. */
    record Replay(long summaries, long lines, LocalDate from, LocalDate to, boolean complete, Duration took) {}

    private final List<Detector> detectors;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int months;
    private final long maxLines;
    private final Duration maxDuration;

    DetectorWarmUp(
            List<Detector> detectors,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${centerline.targeting.detectors.warm-up.months:12}") int months,
            @Value("${centerline.targeting.detectors.warm-up.max-lines:1000000}") long maxLines,
            @Value("${centerline.targeting.detectors.warm-up.max-duration:PT2M}") Duration maxDuration) {
        this.detectors = detectors;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setReadOnly(true);
        this.clock = clock;
        this.months = months;
        this.maxLines = maxLines;
        this.maxDuration = maxDuration;
    }

    @EventListener(ApplicationStartedEvent.class)
    void onStart() {
        Replay replay = replay();
        if (replay.complete()) {
            log.info(
                    "Detectors warmed up on {} entry summaries ({} lines) entered {} to {} in {} ms",
                    replay.summaries(),
                    replay.lines(),
                    replay.from(),
                    replay.to(),
                    replay.took().toMillis());
        } else {
            log.warn(
                    "Detector warm-up stopped at its time limit of {} after {} entry summaries ({} lines) from {}:"
                            + " the latest entries were not replayed; raise max-duration or lower max-lines",
                    maxDuration,
                    replay.summaries(),
                    replay.lines(),
                    replay.from());
        }
    }

    Replay replay() {
        long started = System.nanoTime();
        LocalDate to = LocalDate.now(clock);
        LocalDate from = firstDate(to.minusMonths(months), to);
        Replayer replayer = new Replayer(started + maxDuration.toNanos());
        boolean complete = Boolean.TRUE.equals(transactions.execute(status -> {
            try {
                jdbc.query(
                        connection -> {
                            var statement = connection.prepareStatement(LINES);
                            statement.setFetchSize(2_000);
                            statement.setObject(1, from);
                            statement.setObject(2, to);
                            return statement;
                        },
                        replayer::row);
                replayer.flush();
                return true;
            } catch (TimeUp e) {
                return false;
            }
        }));
        return new Replay(
                replayer.summaries,
                replayer.lineCount,
                from,
                to,
                complete,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The latest date from which at most {@code maxLines} lines are stored up to {@code to}, not before {@code from}. */
    private LocalDate firstDate(LocalDate from, LocalDate to) {
        List<Map<String, Object>> days = jdbc.queryForList(
                "select entry_date, sum(line_count) as lines from entry_summary where entry_date between ? and ?"
                        + " group by entry_date order by entry_date desc",
                from,
                to);
        long lines = 0;
        LocalDate first = to;
        for (Map<String, Object> day : days) {
            lines += ((Number) day.get("lines")).longValue();
            if (lines > maxLines) {
                return first;
            }
            first = ((java.sql.Date) day.get("entry_date")).toLocalDate();
        }
        return from;
    }

    /** The summary-level facts of the lines being gathered. */
    private record Header(String entryType, String importer, String center, LocalDate entryDate, String filer) {}

    /** Raised to abandon the replay when its time is up. */
    private static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("The detector warm-up ran out of time", null, false, false);
        }
    }

    /** Gathers the lines of one summary at a time and hands each finished summary to every detector. */
    private final class Replayer {
        private final long deadline;
        private final List<Declaration> lines = new ArrayList<>();
        private String entryNumber;
        private int version;
        private Header header;
        long summaries;
        long lineCount;

        Replayer(long deadline) {
            this.deadline = deadline;
        }

        void row(ResultSet rs) throws SQLException {
            String number = rs.getString(1);
            int rowVersion = rs.getInt(2);
            if (entryNumber != null && (!entryNumber.equals(number) || version != rowVersion)) {
                flush();
                if (System.nanoTime() > deadline) {
                    throw new TimeUp();
                }
            }
            if (lines.isEmpty()) {
                entryNumber = number;
                version = rowVersion;
                header = new Header(
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(7, LocalDate.class),
                        rs.getString(9));
            }
            BigDecimal value = rs.getBigDecimal(16);
            BigDecimal duty = rs.getBigDecimal(21);
            BigDecimal quantity = rs.getBigDecimal(17);
            BigDecimal weight = rs.getBigDecimal(19);
            String lineCenter = rs.getString(23);
            lines.add(new Declaration(
                    number,
                    rowVersion,
                    rs.getInt(10),
                    rs.getObject(7, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(9),
                    rs.getString(6),
                    rs.getString(8),
                    lineCenter != null ? lineCenter : rs.getString(5),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getString(14),
                    rs.getString(15),
                    value.doubleValue(),
                    quantity == null ? Double.NaN : quantity.doubleValue(),
                    rs.getString(18),
                    weight == null ? Double.NaN : weight.doubleValue(),
                    value.signum() > 0 ? 100 * duty.doubleValue() / value.doubleValue() : Double.NaN,
                    rs.getBoolean(20),
                    rs.getString(22),
                    Map.of()));
            lineCount++;
        }

        void flush() {
            if (lines.isEmpty()) {
                return;
            }
            EntryUnderReview entry = new EntryUnderReview(
                    entryNumber,
                    version,
                    header.entryDate(),
                    header.entryType(),
                    header.center(),
                    header.importer(),
                    header.filer(),
                    false,
                    lines,
                    History.NONE);
            for (Detector detector : detectors) {
                detector.learn(entry);
            }
            summaries++;
            lines.clear();
        }
    }
}
