package io.centerline.targeting;

import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.identity.Users;
import io.centerline.platform.AfterCommit;
import io.centerline.platform.PostgresCopy;
import io.centerline.platform.Shown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Structured review outcomes: one per entry summary version, recorded by the reviewer (until review work items exist,
 * through the API), audited, counted into the parties' review history at once, and published for whatever learns from
 * them. The reviewer is one of CBP's users who review ({@link Users#isReviewer}: specialists, supervisors, targeters),
 * never an account manager or an administrator, a filer's account or a name of no user.
 */
@Service
public class Outcomes {

    /** A review's note is a few sentences; the findings themselves come with review work items. */
    static final int MAX_NOTE_LENGTH = 4_000;

    static final int MAX_REVIEWER_LENGTH = 100;

    /** The largest revenue difference a review can record, either way: what the column holds in whole dollars. */
    private static final BigDecimal MAX_REVENUE = new BigDecimal("99999999999999");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final StoredEntries stored;
    private final ReviewHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Selection selection;
    private final Users users;
    private final Clock clock;

    Outcomes(
            JdbcClient jdbc,
            DataSource dataSource,
            StoredEntries stored,
            ReviewHistory history,
            AuditLog audit,
            ApplicationEventPublisher events,
            Selection selection,
            Users users,
            Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.stored = stored;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.selection = selection;
        this.users = users;
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

    /**
     * Why a report was refused: the field at fault, a stable code and a message that says what is wrong without
     * repeating the field's name; {@code conflict} when the review has an outcome already.
     */
    public static final class Refused extends RuntimeException {
        private final int position;
        private final String field;
        private final String code;
        private final boolean conflict;

        Refused(int position, String field, String code, String message) {
            this(position, field, code, message, false);
        }

        private Refused(int position, String field, String code, String message, boolean conflict) {
            super(message);
            this.position = position;
            this.field = field;
            this.code = code;
            this.conflict = conflict;
        }

        /** A review whose outcome is recorded already, or reported twice in one batch. */
        static Refused recordedAlready(int position, String message) {
            return new Refused(position, "entryNumber", "OUTCOME_ALREADY_RECORDED", message, true);
        }

        /** The stable code of the refusal. */
        public String code() {
            return code;
        }

        /** The report's position in its batch, from 1. */
        public int position() {
            return position;
        }

        public String field() {
            return field;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    /** Where a user named as reviewer stands: no CBP user, staff who review nothing, or a reviewer. */
    private enum Standing {
        NONE,
        STAFF,
        REVIEWER
    }

    private Standing standing(String username) {
        return users.isReviewer(username)
                ? Standing.REVIEWER
                : users.isStaff(username) ? Standing.STAFF : Standing.NONE;
    }

    /** Records a review outcome; refused when a field is wrong or the version already has an outcome. */
    @Transactional
    public ReviewOutcome record(Report report, String actor) {
        Batch batch = recordAll(List.of(report), actor);
        if (!batch.refused().isEmpty()) {
            throw batch.refused().get(0);
        }
        return batch.recorded().get(0);
    }

    /** What a batch of reports came to: the outcomes recorded and, by position, the reports refused. */
    public record Batch(List<ReviewOutcome> recorded, List<Refused> refused) {}

    /**
     * Records many review outcomes in one transaction: each report is checked on its own, a refused report is
     * returned with its reason and stores nothing, and the good ones are stored together.
     */
    @Transactional
    public Batch recordAll(List<Report> reports, String actor) {
        Map<EntryKey, EntryUnderReview> entries = new HashMap<>();
        List<EntryKey> keys = new ArrayList<>();
        for (Report report : reports) {
            keyOf(report).ifPresent(keys::add);
        }
        stored.load(keys).forEach(entry -> entries.put(new EntryKey(entry.entryNumber(), entry.version()), entry));
        LocalDate today = LocalDate.now(clock);
        // as PostgreSQL keeps it, so that the answer names the instant stored and audited
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<Checked> recorded = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Set<EntryKey> inBatch = new HashSet<>();
        Map<String, Standing> staff = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            try {
                ReviewOutcome outcome = checked(
                        report,
                        i + 1,
                        entries,
                        today,
                        now,
                        actor,
                        reviewer -> staff.computeIfAbsent(reviewer, this::standing));
                EntryKey key = new EntryKey(outcome.entryNumber(), outcome.version());
                if (!inBatch.add(key)) {
                    throw Refused.recordedAlready(i + 1, "The review of " + key + " is reported twice");
                }
                recorded.add(new Checked(i + 1, outcome));
            } catch (Refused e) {
                refused.add(e);
            }
        }
        Set<EntryKey> existing = alreadyRecorded(inBatch);
        List<ReviewOutcome> fresh = new ArrayList<>();
        for (Checked checked : recorded) {
            ReviewOutcome outcome = checked.outcome();
            EntryKey key = new EntryKey(outcome.entryNumber(), outcome.version());
            if (existing.contains(key)) {
                refused.add(Refused.recordedAlready(
                        checked.position(),
                        "The review of " + outcome.entryNumber() + " version " + outcome.version()
                                + " already has an outcome recorded"));
            } else {
                fresh.add(outcome);
            }
        }
        store(fresh, actor, now);
        List<EntryUnderReview> reviewed = new ArrayList<>(fresh.size());
        for (ReviewOutcome outcome : fresh) {
            EntryUnderReview entry = entries.get(new EntryKey(outcome.entryNumber(), outcome.version()));
            reviewed.add(entry);
            history.record(
                    entry.importer(),
                    entry.filer(),
                    ReviewHistory.manufacturers(entry.lines()),
                    outcome.outcome().isFinding());
            events.publishEvent(new ReviewOutcomeRecorded(outcome));
        }
        AfterCommit.run(() -> reviewed.forEach(entry -> selection.reviewed(
                new EntryKey(entry.entryNumber(), entry.version()), entry.center(), entry.entryDate())));
        return new Batch(fresh, refused);
    }

    /** A number as a refusal quotes it: as given, in exponent form when it has one, and never at length. */
    private static String shown(BigDecimal number) {
        return Shown.value(number.toString());
    }

    private Optional<EntryKey> keyOf(Report report) {
        if (report.entryNumber() == null || report.entryNumber().isBlank()) {
            return Optional.empty();
        }
        String entryNumber = normal(report.entryNumber());
        if (report.version() != null) {
            return Optional.of(new EntryKey(entryNumber, report.version()));
        }
        return jdbc.sql("select max(version) from entry_summary where entry_number = ?")
                .param(entryNumber)
                .query(Integer.class)
                .optional()
                .map(version -> new EntryKey(entryNumber, version));
    }

    private ReviewOutcome checked(
            Report report,
            int position,
            Map<EntryKey, EntryUnderReview> entries,
            LocalDate today,
            Instant now,
            String actor,
            Function<String, Standing> standing) {
        if (report.entryNumber() == null || report.entryNumber().isBlank()) {
            throw new Refused(position, "entryNumber", "REQUIRED", "The entry summary reviewed is required");
        }
        EntryUnderReview entry = keyOf(report)
                .map(entries::get)
                .orElseThrow(() -> new Refused(
                        position,
                        "entryNumber",
                        "ENTRY_UNKNOWN",
                        "No entry summary " + Shown.value(report.entryNumber())
                                + (report.version() == null ? "" : " version " + report.version()) + " is stored"));
        Outcome outcome = parse(report.outcome(), position);
        if (outcome.isFinding() && report.revenueDifference() == null) {
            // left out, a finding would count as one that found no revenue, which understates what reviews find
            throw new Refused(
                    position,
                    "revenueDifference",
                    "REQUIRED",
                    "A finding states the revenue difference it found, 0.00 when it found none (as for goods excluded"
                            + " or seized)");
        }
        BigDecimal given = Optional.ofNullable(report.revenueDifference()).orElse(BigDecimal.ZERO);
        // checked before any rescaling: 1e999999999 is a short text but a number of a billion digits
        if (given.abs().compareTo(MAX_REVENUE) > 0) {
            throw new Refused(
                    position,
                    "revenueDifference",
                    "REVENUE_RANGE",
                    shown(given) + " is out of range (at most " + MAX_REVENUE + " either way)");
        }
        if (given.stripTrailingZeros().scale() > 2) {
            throw new Refused(
                    position,
                    "revenueDifference",
                    "REVENUE_SCALE",
                    shown(given) + " has more than two decimals; give it in dollars and cents");
        }
        BigDecimal revenue = given.setScale(2, RoundingMode.UNNECESSARY);
        if (outcome == Outcome.NO_CHANGE && revenue.signum() != 0) {
            throw new Refused(
                    position,
                    "revenueDifference",
                    "REVENUE_WITHOUT_FINDING",
                    "A review with no change cannot find a revenue difference of " + revenue);
        }
        LocalDate reviewedOn = Optional.ofNullable(report.reviewedOn()).orElse(today);
        if (reviewedOn.isAfter(today)) {
            throw new Refused(
                    position,
                    "reviewedOn",
                    "DATE_IN_FUTURE",
                    "The review day " + reviewedOn + " lies after the business date " + today);
        }
        if (reviewedOn.isBefore(entry.entryDate())) {
            throw new Refused(
                    position,
                    "reviewedOn",
                    "REVIEWED_BEFORE_ENTRY",
                    "The review day " + reviewedOn + " lies before the entry date " + entry.entryDate());
        }
        if (report.note() != null && report.note().length() > MAX_NOTE_LENGTH) {
            throw new Refused(
                    position,
                    "note",
                    "TOO_LONG",
                    "A note has at most " + MAX_NOTE_LENGTH + " characters, not "
                            + report.note().length());
        }
        if (report.reviewer() != null && report.reviewer().length() > MAX_REVIEWER_LENGTH) {
            throw new Refused(
                    position,
                    "reviewer",
                    "TOO_LONG",
                    "A reviewer's name has at most " + MAX_REVIEWER_LENGTH + " characters");
        }
        String reviewer = report.reviewer() == null || report.reviewer().isBlank() ? actor : report.reviewer();
        Standing of = standing.apply(reviewer);
        if (of == Standing.NONE) {
            throw new Refused(
                    position,
                    "reviewer",
                    "REVIEWER_UNKNOWN",
                    "There is no CBP user '" + reviewer
                            + "' to have reviewed the entry summary (a filer's account cannot review one)");
        }
        if (of == Standing.STAFF) {
            throw new Refused(
                    position,
                    "reviewer",
                    "REVIEWER_ROLE",
                    "'" + reviewer + "' reviews no entry summaries: a review is recorded under a specialist, a"
                            + " supervisor or a targeter, so that effectiveness counts the findings of reviewers");
        }
        return new ReviewOutcome(
                entry.entryNumber(), entry.version(), outcome, revenue, reviewer, report.note(), reviewedOn, now);
    }

    /** A report that passed its checks, with its position in the batch. */
    private record Checked(int position, ReviewOutcome outcome) {}

    private Set<EntryKey> alreadyRecorded(Set<EntryKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<EntryKey> found = new HashSet<>();
        jdbc.sql("select o.entry_number, o.version from review_outcome o"
                        + " join unnest(?::text[], ?::int[]) as k(n, v) on o.entry_number = k.n and o.version = k.v")
                .params(
                        keys.stream().map(EntryKey::entryNumber).toArray(String[]::new),
                        keys.stream().map(EntryKey::version).toArray(Integer[]::new))
                .query(rs -> {
                    found.add(new EntryKey(rs.getString(1), rs.getInt(2)));
                });
        return found;
    }

    private void store(List<ReviewOutcome> outcomes, String actor, Instant now) {
        if (outcomes.isEmpty()) {
            return;
        }
        PostgresCopy rows = new PostgresCopy(
                "review_outcome",
                "entry_number",
                "version",
                "outcome",
                "revenue_difference",
                "reviewer",
                "note",
                "reviewed_on",
                "recorded_at");
        List<AuditEntry> trail = new ArrayList<>();
        for (ReviewOutcome o : outcomes) {
            rows.row(
                    o.entryNumber(),
                    o.version(),
                    o.outcome().name(),
                    o.revenueDifference(),
                    o.reviewer(),
                    o.note(),
                    o.reviewedOn(),
                    o.recordedAt());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", o.version());
            detail.put("outcome", o.outcome().name());
            detail.put("revenueDifference", o.revenueDifference().toPlainString());
            detail.put("reviewer", o.reviewer());
            detail.put("reviewedOn", o.reviewedOn().toString());
            trail.add(new AuditEntry(now, actor, "REVIEW_OUTCOME_RECORDED", "entry-summary", o.entryNumber(), detail));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.into(connection);
            audit.recordAll(connection, trail);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw Refused.recordedAlready(1, "An outcome was recorded for the same review meanwhile");
            }
            throw new IllegalStateException("Could not store " + outcomes.size() + " review outcomes", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static String normal(String entryNumber) {
        return entryNumber.replace("-", "").trim().toUpperCase(Locale.ROOT);
    }

    /** The outcome recorded for a version, if any. */
    public Optional<ReviewOutcome> find(EntryKey key) {
        return outcome("version = ?", key);
    }

    /** The outcome of the latest version of the entry, up to the one given, that has been reviewed. */
    Optional<ReviewOutcome> latestUpTo(EntryKey key) {
        return outcome("version <= ? order by version desc limit 1", key);
    }

    private Optional<ReviewOutcome> outcome(String versionCondition, EntryKey key) {
        return jdbc.sql("select entry_number, version, outcome, revenue_difference, reviewer, note, reviewed_on,"
                        + " recorded_at from review_outcome where entry_number = ? and " + versionCondition)
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

    private static Outcome parse(String code, int position) {
        if (code == null || code.isBlank()) {
            throw new Refused(position, "outcome", "REQUIRED", "The outcome is required, one of " + codes());
        }
        String normal = code.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('/', '_');
        if (normal.equals("AD_CVD")) {
            normal = "ADCVD";
        }
        if (normal.equals("FORCED_LABOR")) {
            normal = "FORCED_LABOUR";
        }
        try {
            return Outcome.valueOf(normal);
        } catch (IllegalArgumentException e) {
            throw new Refused(
                    position, "outcome", "OUTCOME_UNKNOWN", "'" + Shown.value(code) + "' is not one of " + codes());
        }
    }

    private static String codes() {
        return java.util.Arrays.stream(Outcome.values())
                .map(Enum::name)
                .toList()
                .toString();
    }
}
