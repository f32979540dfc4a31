package io.centerline.targeting;

import io.centerline.identity.AuditLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structured review outcomes: one per entry summary version, recorded by the reviewer (until review work items exist,
 * through the API), audited, counted into the parties' review history at once, and published for whatever learns from
 * them.
 */
@Service
public class Outcomes {

    private final JdbcClient jdbc;
    private final StoredEntries stored;
    private final ReviewHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outcomes(
            JdbcClient jdbc,
            StoredEntries stored,
            ReviewHistory history,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.stored = stored;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A review outcome as reported, before it is checked. */
    public record Report(
            String entryNumber,
            Integer version,
            String outcome,
            BigDecimal revenueDifference,
            String reviewer,
            String note,
            LocalDate reviewedOn) {}

    /** Why a report was refused: the field and the reason, or that it was recorded before. */
    public static final class Refused extends RuntimeException {
        private final String field;
        private final boolean conflict;

        Refused(String field, String message, boolean conflict) {
            super(message);
            this.field = field;
            this.conflict = conflict;
        }

        public String field() {
            return field;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    /** Records a review outcome; refused when a field is wrong or the version already has an outcome. */
    @Transactional
    public ReviewOutcome record(Report report, String actor) {
        if (report.entryNumber() == null || report.entryNumber().isBlank()) {
            throw new Refused("entryNumber", "entryNumber: the entry summary reviewed is required", false);
        }
        String entryNumber = report.entryNumber().replace("-", "").trim().toUpperCase(java.util.Locale.ROOT);
        int version = Optional.ofNullable(report.version())
                .orElseGet(() -> jdbc.sql("select max(version) from entry_summary where entry_number = ?")
                        .param(entryNumber)
                        .query(Integer.class)
                        .optional()
                        .orElse(0));
        EntryUnderReview entry = stored.load(List.of(new EntryKey(entryNumber, version))).stream()
                .findFirst()
                .orElseThrow(() -> new Refused(
                        "entryNumber",
                        "entryNumber: no entry summary " + report.entryNumber()
                                + (report.version() == null ? "" : " version " + report.version()) + " is stored",
                        false));
        Outcome outcome = parse(report.outcome());
        BigDecimal revenue = Optional.ofNullable(report.revenueDifference())
                .orElse(BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_UP);
        if (revenue.abs().compareTo(new BigDecimal("99999999999999")) > 0) {
            throw new Refused("revenueDifference", "revenueDifference: " + revenue + " is out of range", false);
        }
        if (outcome == Outcome.NO_CHANGE && revenue.signum() != 0) {
            throw new Refused(
                    "revenueDifference",
                    "revenueDifference: a review with no change cannot find a revenue difference of " + revenue,
                    false);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate reviewedOn = Optional.ofNullable(report.reviewedOn()).orElse(today);
        if (reviewedOn.isAfter(today)) {
            throw new Refused(
                    "reviewedOn", "reviewedOn: " + reviewedOn + " lies after the business date " + today, false);
        }
        if (reviewedOn.isBefore(entry.entryDate())) {
            throw new Refused(
                    "reviewedOn",
                    "reviewedOn: " + reviewedOn + " lies before the entry date " + entry.entryDate(),
                    false);
        }
        String reviewer = report.reviewer() == null || report.reviewer().isBlank() ? actor : report.reviewer();
        Instant now = Instant.now(clock);
        ReviewOutcome recorded =
                new ReviewOutcome(entryNumber, version, outcome, revenue, reviewer, report.note(), reviewedOn, now);
        try {
            jdbc.sql("insert into review_outcome (entry_number, version, outcome, revenue_difference, reviewer, note,"
                            + " reviewed_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            entryNumber,
                            version,
                            outcome.name(),
                            revenue,
                            reviewer,
                            report.note(),
                            reviewedOn,
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Refused(
                    "entryNumber",
                    "entryNumber: the review of " + entryNumber + " version " + version
                            + " already has an outcome recorded",
                    true);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", version);
        detail.put("outcome", outcome.name());
        detail.put("revenueDifference", revenue.toPlainString());
        detail.put("reviewer", reviewer);
        detail.put("reviewedOn", reviewedOn.toString());
        audit.record(actor, "REVIEW_OUTCOME_RECORDED", "entry-summary", entryNumber, detail);
        history.record(
                entry.importer(), entry.filer(), ReviewHistory.manufacturers(entry.lines()), outcome.isFinding());
        events.publishEvent(new ReviewOutcomeRecorded(recorded));
        return recorded;
    }

    /** The outcome recorded for a version, if any. */
    public Optional<ReviewOutcome> find(EntryKey key) {
        return jdbc.sql("select entry_number, version, outcome, revenue_difference, reviewer, note, reviewed_on,"
                        + " recorded_at from review_outcome where entry_number = ? and version = ?")
                .params(key.entryNumber(), key.version())
                .query((rs, i) -> new ReviewOutcome(
                        rs.getString(1),
                        rs.getInt(2),
                        Outcome.valueOf(rs.getString(3)),
                        rs.getBigDecimal(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getTimestamp(8).toInstant()))
                .optional();
    }

    private static Outcome parse(String code) {
        if (code == null || code.isBlank()) {
            throw new Refused("outcome", "outcome: required, one of " + codes(), false);
        }
        String normal =
                code.trim().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('/', '_');
        if (normal.equals("AD_CVD")) {
            normal = "ADCVD";
        }
        if (normal.equals("FORCED_LABOR")) {
            normal = "FORCED_LABOUR";
        }
        try {
            return Outcome.valueOf(normal);
        } catch (IllegalArgumentException e) {
            throw new Refused("outcome", "outcome: '" + code + "' is not one of " + codes(), false);
        }
    }

    private static String codes() {
        return java.util.Arrays.stream(Outcome.values())
                .map(Enum::name)
                .toList()
                .toString();
    }
}
