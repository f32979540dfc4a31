package io.centerline.entries;

import io.centerline.accounts.Accounts;
import io.centerline.accounts.ImporterNumber;
import io.centerline.accounts.Routing;
import io.centerline.accounts.TradeContribution;
import io.centerline.accounts.TradePlan;
import io.centerline.deadlines.ClockRegister;
import io.centerline.deadlines.ClockSet;
import io.centerline.deadlines.Clocks;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.validation.EntrySummaryValidator;
import io.centerline.entries.validation.Validation;
import io.centerline.identity.AuditEntry;
import io.centerline.identity.AuditLog;
import io.centerline.platform.PostgresCopy;
import io.centerline.platform.Printable;
import io.centerline.platform.Shown;
import io.centerline.reference.CenterCode;
import io.centerline.reference.Money;
import io.centerline.reference.ReferenceData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake path of a chunk of submissions: validate each, then in one transaction classify the valid ones against
 * what is stored (new, identical resubmission, conflict, post-summary correction), route them to their accounts'
 * Centers, compute fees and clocks and store everything with {@code COPY}. A rejected submission is stored nowhere;
 * a valid one is never lost because another in its chunk was bad. When a concurrent intake stores the same entry
 * number first, the chunk is rolled back and classified again.
 */
@Component
class IntakeProcessor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(IntakeProcessor.class);
    /** Another transaction stored the same version first, or two chunks waited on each other's account rows. */
    private static final Set<String> RETRYABLE = Set.of("23505", "40P01", "40001");
    /**
     * The pool's connections a chunk may hold at once while it is stored: its transaction's, one to create new
     * accounts beside it, and once it commits, its scoring's while its own is still held (with one more should scoring
     * record a rule's suspension).
     */
    static final int CONNECTIONS_PER_CHUNK = 3;

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final EntrySummaryValidator validator;
    private final FeeCalculator fees;
    private final Clocks clocks;
    private final ClockRegister clockRegister;
    private final Accounts accounts;
    private final AuditLog audit;
    private final ReferenceData reference;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ReviewsUnderway> reviews;
    /**
     * Chunks being stored at once, across every intake: so many that each can have every connection it needs. Without
     * this bound, summaries sent at once could take every connection of the pool, each waiting for a second one that
     * only another could free, until the pool's timeout failed them all (some of them already stored).
     */
    private final Semaphore storing;

    IntakeProcessor(
            DataSource dataSource,
            TransactionTemplate transactions,
            ReferenceCodes codes,
            FeeCalculator fees,
            Clocks clocks,
            ClockRegister clockRegister,
            Accounts accounts,
            AuditLog audit,
            ReferenceData reference,
            ApplicationEventPublisher events,
            Clock clock,
            ObjectProvider<ReviewsUnderway> reviews,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int connections) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.validator = new EntrySummaryValidator(codes);
        this.fees = fees;
        this.clocks = clocks;
        this.clockRegister = clockRegister;
        this.accounts = accounts;
        this.audit = audit;
        this.reference = reference;
        this.events = events;
        this.clock = clock;
        this.reviews = reviews;
        this.storing = new Semaphore(Math.max(1, connections / CONNECTIONS_PER_CHUNK), true);
    }

    /**
     * Processes a chunk as a batch of its own and answers one outcome per record, in the order of the chunk: the
     * accounts that need weighing after the batch are weighed before it answers.
     */
    List<IntakeOutcome> process(List<ReadRecord> chunk, String actor) {
        Stored stored = store(prepare(chunk), actor, false, true, newBatch());
        weighAfterBatch(stored.weighAfterBatch(), actor);
        return stored.outcomes();
    }

    /**
     * A fresh identifier of an intake batch: the subject of the audit rows of its acceptances and of the rejections
     * that name no entry number, and the {@code intake_batch} of each version it stores.
     */
    static String newBatch() {
        return UUID.randomUUID().toString();
    }

    /**
     * A stored chunk: its outcomes in the order of the chunk, the accounts to weigh once its batch is stored, and
     * whether any of its entry numbers was already on file.
     */
    record Stored(List<IntakeOutcome> outcomes, Set<Long> weighAfterBatch, boolean metFiledEntries) {}

    /** Weighs again the accounts whose trade in a batch fell partly to another Center than their own. */
    void weighAfterBatch(Set<Long> accountIds, String actor) {
        accounts.weighAfterBatch(accountIds, actor);
    }

    /** Validates a chunk: the part of intake that needs no database, and so can run ahead of storing. */
    Prepared prepare(List<ReadRecord> chunk) {
        LocalDate today = LocalDate.now(clock);
        List<Candidate> candidates = new ArrayList<>(chunk.size());
        List<IntakeOutcome.Rejected> invalid = new ArrayList<>();
        for (ReadRecord record : chunk) {
            if (record instanceof ReadRecord.Unreadable unreadable) {
                invalid.add(new IntakeOutcome.Rejected(
                        unreadable.position(),
                        readable(unreadable.entryNumber()),
                        unreadable.errors(),
                        false,
                        unreadable.fileLine()));
            } else if (record instanceof ReadRecord.Parsed parsed) {
                try {
                    prepare(parsed, today, candidates, invalid);
                } catch (RuntimeException e) {
                    log.error("Entry summary at position {} could not be processed", parsed.position(), e);
                    invalid.add(new IntakeOutcome.Rejected(
                            parsed.position(),
                            normalisedNumber(parsed.summary().entryNumber()),
                            List.of(IntakeError.header(
                                    null,
                                    "PROCESSING_FAILED",
                                    "This entry summary could not be processed (" + e.getMessage()
                                            + "). Nothing of it was stored, and it held back no other summary."
                                            + " Please report it with the entry number.")),
                            false,
                            parsed.fileLine()));
                }
            }
        }
        return new Prepared(candidates, invalid, today, chunk.size());
    }

    /**
     * Validates one summary and, when it is valid, routes its lines and computes its fees and clocks: everything about
     * it that reads only reference data, so that a summary the reference data cannot serve fails alone, before any of
     * its chunk is stored.
     */
    private void prepare(
            ReadRecord.Parsed parsed,
            LocalDate today,
            List<Candidate> candidates,
            List<IntakeOutcome.Rejected> invalid) {
        Validation validation = validator.validate(parsed.summary(), today);
        if (validation instanceof Validation.Valid valid) {
            EntrySummary summary = valid.summary();
            List<CenterCode> lineCenters = lineCenters(summary);
            List<IntakeError> unowned = unownedHeadings(summary, lineCenters);
            if (unowned.isEmpty()) {
                List<Warning> warnings = new ArrayList<>(valid.warnings());
                Fees fee = fees.compute(summary, warnings);
                ClockSet clockSet = clocks.forEntry(summary.entryDate());
                candidates.add(new Candidate(
                        parsed.position(),
                        parsed.fileLine(),
                        summary,
                        parsed.datedOnReceipt(),
                        warnings,
                        lineCenters,
                        fee,
                        clockSet));
            } else {
                invalid.add(new IntakeOutcome.Rejected(
                        parsed.position(), summary.entryNumber().value(), unowned, false, parsed.fileLine()));
            }
        } else if (validation instanceof Validation.Invalid refused) {
            invalid.add(new IntakeOutcome.Rejected(
                    parsed.position(),
                    normalisedNumber(parsed.summary().entryNumber()),
                    refused.errors(),
                    false,
                    parsed.fileLine()));
        }
    }

    /** The Center that owns each line's heading under the HTS-to-Center map in force on the entry date. */
    private List<CenterCode> lineCenters(EntrySummary summary) {
        List<CenterCode> centers = new ArrayList<>(summary.lines().size());
        for (EntryLine line : summary.lines()) {
            centers.add(
                    reference.centerFor(line.htsNumber(), summary.entryDate()).orElse(null));
        }
        return centers;
    }

    /**
     * A line whose heading no Center owns cannot be routed: the map covers every heading of chapters 01 to 97, so such
     * a heading does not exist in the tariff schedule.
     */
    private static List<IntakeError> unownedHeadings(EntrySummary summary, List<CenterCode> lineCenters) {
        List<IntakeError> errors = new ArrayList<>();
        for (int i = 0; i < lineCenters.size(); i++) {
            if (lineCenters.get(i) == null) {
                EntryLine line = summary.lines().get(i);
                errors.add(IntakeError.line(
                        line.lineNumber(),
                        "htsNumber",
                        "HTS_HEADING_UNASSIGNED",
                        "Heading " + line.htsNumber().heading() + " of HTS number " + line.htsNumber() + " on line "
                                + line.lineNumber() + " belongs to no Center under the HTS-to-Center map in force on "
                                + summary.entryDate() + "; check the HTS number."));
            }
        }
        return errors;
    }

    /**
     * Stores a validated chunk in one transaction, classifying it again if a concurrent intake got there first.
     *
     * <p>With {@code assumeNew}, a chunk that holds no post-summary correction is classified without reading what is
     * on file: every entry number in it is taken to be new, as in a batch of fresh filings it is. The primary key of
     * the summaries still catches any that is not; the chunk is then rolled back and classified against what is on
     * file, and {@link Stored#metFiledEntries()} tells the caller to stop assuming (decision record 0015).
     *
     * <p>With {@code wholeBatch}, the chunk is the whole of its batch: an account whose trade in it leans to another
     * Center is weighed before its summaries are routed, as it would be after the batch (decision record 0014).
     *
     * <p>Every chunk of a batch is stored under the batch's one identifier, {@code batch}, so that its trail holds the
     * whole batch whatever number of chunks it was stored in.
     */
    Stored store(Prepared prepared, String actor, boolean assumeNew, boolean wholeBatch, String batch) {
        try {
            return storeChunk(prepared, actor, assumeNew, wholeBatch, batch);
        } catch (RefusedByDatabase | DataIntegrityViolationException e) {
            return storeOneByOne(prepared, actor, assumeNew, wholeBatch, batch, e);
        }
    }

    /**
     * Stores a chunk the database refused, after validation passed it, one summary at a time, each in a transaction
     * of its own: the summary the database refuses is rejected with the reason, and the others are stored as they
     * would have been. Validation is meant to let nothing through that the database refuses; this keeps a gap in it
     * from losing a whole chunk of good summaries.
     */
    private Stored storeOneByOne(
            Prepared prepared,
            String actor,
            boolean assumeNew,
            boolean wholeBatch,
            String batch,
            RuntimeException refusal) {
        log.warn(
                "The database refused a chunk of {} validated entry summaries; storing them one by one",
                prepared.candidates.size(),
                refusal);
        List<IntakeOutcome> outcomes = new ArrayList<>();
        List<IntakeOutcome.Rejected> rejected = new ArrayList<>(prepared.invalid);
        Set<Long> weighAfterBatch = new HashSet<>();
        boolean metFiledEntries = false;
        for (Candidate candidate : prepared.candidates) {
            candidate.reset();
            Prepared alone = new Prepared(List.of(candidate), List.of(), prepared.today, 1);
            try {
                Stored stored = storeChunk(alone, actor, assumeNew && !metFiledEntries, wholeBatch, batch);
                outcomes.addAll(stored.outcomes());
                weighAfterBatch.addAll(stored.weighAfterBatch());
                metFiledEntries |= stored.metFiledEntries();
            } catch (RefusedByDatabase | DataIntegrityViolationException e) {
                log.warn("The database refused entry summary {}", candidate.summary.entryNumber(), e);
                rejected.add(reject(
                        candidate,
                        null,
                        "STORE_REFUSED",
                        "This entry summary passed every check but the database refused to store it ("
                                + reason(e)
                                + "). Nothing of it was stored, and it held back no other summary. Please report it"
                                + " with the entry number.",
                        false));
            }
        }
        transactions.executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                Instant now = clock.instant();
                audit.recordAll(
                        connection,
                        rejected.stream()
                                .sorted(Comparator.comparingInt(IntakeOutcome.Rejected::position))
                                .map(r -> audited(r, batch, actor, now))
                                .toList());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record the chunk's rejections: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        outcomes.addAll(rejected);
        outcomes.sort(Comparator.comparingInt(IntakeOutcome::position));
        return new Stored(outcomes, weighAfterBatch, metFiledEntries);
    }

    /** The database's own words for a refusal, without its statement or data. */
    private static String reason(RuntimeException refusal) {
        Throwable cause = refusal;
        while (cause.getCause() != null && !(cause instanceof PSQLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            String where = message.getWhere() == null ? "" : message.getWhere();
            int column = where.indexOf(", column ");
            return message.getMessage()
                    + (column < 0
                            ? ""
                            : " in column " + where.substring(column + 9).split(":", 2)[0]);
        }
        return cause.getMessage();
    }

    private Stored storeChunk(Prepared prepared, String actor, boolean assumeNew, boolean wholeBatch, String batch) {
        boolean lookUp = !assumeNew || prepared.holdsCorrection();
        for (int attempt = 1; ; ) {
            try {
                boolean lookingUp = lookUp;
                Stored stored = whileStoring(() -> transactions.execute(status -> store(
                        prepared.candidates, prepared.invalid, actor, prepared.today, lookingUp, wholeBatch, batch)));
                stored.outcomes().sort(Comparator.comparingInt(IntakeOutcome::position));
                return stored;
            } catch (ConcurrentFiling e) {
                if (!lookUp) {
                    lookUp = true;
                } else if (attempt++ == ATTEMPTS) {
                    throw new IllegalStateException("Entry numbers kept being filed concurrently; giving up", e);
                }
                prepared.candidates.forEach(Candidate::reset);
            }
        }
    }

    /** Runs a chunk's transaction, with what runs once it commits, as one of the chunks being stored at once. */
    private <T> T whileStoring(Supplier<T> transaction) {
        try {
            storing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to store a chunk of entry summaries", e);
        }
        try {
            return transaction.get();
        } finally {
            storing.release();
        }
    }

    /** A validated chunk waiting to be stored. */
    record Prepared(List<Candidate> candidates, List<IntakeOutcome.Rejected> invalid, LocalDate today, int size) {

        /** Whether any summary of this chunk is flagged as a post-summary correction. */
        boolean holdsCorrection() {
            return candidates.stream().anyMatch(candidate -> candidate.summary.postSummaryCorrection());
        }

        /** The entry numbers this chunk may store. */
        Set<String> entryNumbers() {
            Set<String> numbers = new HashSet<>();
            candidates.forEach(
                    candidate -> numbers.add(candidate.summary.entryNumber().value()));
            return numbers;
        }
    }

    private Stored store(
            List<Candidate> candidates,
            List<IntakeOutcome.Rejected> invalid,
            String actor,
            LocalDate today,
            boolean lookUp,
            boolean wholeBatch,
            String batch) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            withoutParallelWorkers(connection);
            Instant now = clock.instant();
            List<IntakeOutcome> outcomes = new ArrayList<>(invalid);
            if (lookUp) {
                lockCorrectedEntries(connection, candidates);
            }
            Map<String, StoredVersion> stored = lookUp ? currentVersions(connection, candidates) : new HashMap<>();
            boolean metFiledEntries = !stored.isEmpty();
            Set<String> underReview = underReview(candidates, stored, batch);
            List<Candidate> accepted = classify(candidates, stored, underReview, actor, today, outcomes);
            TradePlan trade =
                    accounts.route(contributions(accepted, replacedTrade(connection, accepted)), actor, wholeBatch);
            write(connection, accepted, trade.routing(), outcomes, actor, now, today, batch);
            Set<Long> weighAfterBatch = accounts.record(trade);
            return new Stored(outcomes, weighAfterBatch, metFiledEntries);
        } catch (SQLException e) {
            if (RETRYABLE.contains(e.getSQLState())) {
                throw new ConcurrentFiling(e);
            }
            if (e.getSQLState() != null
                    && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                throw new RefusedByDatabase(e);
            }
            throw new IllegalStateException("Cannot store entry summaries: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Keeps PostgreSQL from planning parallel workers for the rest of the chunk's transaction. Its statements touch the
     * chunk's few thousand rows by key, but for some of them the planner estimates enough rows from the chunk's array of
     * keys to start two parallel workers: the lookup of the stored versions (2,000 keys among 1.25 million stored
     * summaries, while intake ran) took 24 ms with two workers against 4.4 ms on one backend, and each worker is a
     * process that the server starts and ends for that one statement. While intake runs, every core is already busy
     * with intake's own threads and backends, so the workers only add that cost.
     */
    private static void withoutParallelWorkers(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local max_parallel_workers_per_gather = 0");
        }
    }

    /**
     * Holds, until the chunk's transaction ends, a lock on each entry number the chunk corrects, so that corrections of
     * one entry filed at the same time are classified one after the other, each against the version the one before it
     * stored, instead of all claiming the same next version. The locks are taken in the order of their keys, so that
     * two chunks correcting the same entries never wait on each other.
     */
    private static void lockCorrectedEntries(Connection connection, List<Candidate> candidates) throws SQLException {
        String[] corrected = candidates.stream()
                .filter(c -> c.summary.postSummaryCorrection())
                .map(c -> c.summary.entryNumber().value())
                .distinct()
                .toArray(String[]::new);
        if (corrected.length == 0) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select count(pg_advisory_xact_lock(k)) from (select hashtextextended(n, 0) k from unnest(?) n"
                        + " order by 1) keys")) {
            lock.setArray(1, connection.createArrayOf("text", corrected));
            lock.executeQuery().close();
        }
    }

    /**
     * The stored current versions of the chunk's entry numbers. A concurrent intake that stores the same version
     * first makes this chunk's insert fail on the primary key, and the chunk is classified again.
     */
    private Map<String, StoredVersion> currentVersions(Connection connection, List<Candidate> candidates)
            throws SQLException {
        Map<String, StoredVersion> stored = new HashMap<>();
        if (candidates.isEmpty()) {
            return stored;
        }
        String[] numbers = candidates.stream()
                .map(c -> c.summary.entryNumber().value())
                .distinct()
                .sorted()
                .toArray(String[]::new);
        try (PreparedStatement select = connection.prepareStatement(
                "select distinct on (s.entry_number) s.entry_number, s.version, s.content_hash, s.importer_number,"
                        + " s.entry_type, s.status, c.psc_cutoff_date, s.entry_date, s.port_of_entry, s.submitted_by,"
                        + " c.liquidation_deadline, s.intake_batch, s.mode_of_transport, s.bond_type,"
                        + " (select array_agg(e.content_hash order by e.version) from entry_summary e"
                        + " where e.entry_number = s.entry_number),"
                        + " (select array_agg(e.summary_date order by e.version) from entry_summary e"
                        + " where e.entry_number = s.entry_number),"
                        + " exists (select 1 from entry_line l where l.entry_number = s.entry_number"
                        + " and l.version = s.version and l.adcvd_case_number is not null)"
                        + " from entry_summary s"
                        + " left join entry_clock c on c.entry_number = s.entry_number and c.version = s.version"
                        + " where s.entry_number = any(?) order by s.entry_number, s.version desc")) {
            select.setArray(1, connection.createArrayOf("text", numbers));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(
                            rows.getString(1),
                            new StoredVersion(
                                    rows.getInt(2),
                                    rows.getString(3),
                                    rows.getString(4),
                                    rows.getString(5),
                                    EntryStatus.valueOf(rows.getString(6)),
                                    rows.getObject(7, LocalDate.class),
                                    rows.getObject(8, LocalDate.class),
                                    rows.getString(9),
                                    rows.getString(13),
                                    rows.getString(14),
                                    rows.getString(10),
                                    rows.getObject(11, LocalDate.class),
                                    List.of((String[]) rows.getArray(15).getArray()),
                                    dates(rows.getArray(16)),
                                    rows.getBoolean(17),
                                    rows.getString(12),
                                    null));
                }
            }
        }
        return stored;
    }

    /**
     * The entries on file that the chunk's corrections would correct while CBP reviews them. An entry whose version on
     * file came in the same batch as its correction is not among them: the filer sent both before any review began,
     * and an earlier chunk of the batch was only stored, and selected, first.
     */
    private Set<String> underReview(List<Candidate> candidates, Map<String, StoredVersion> stored, String batch) {
        ReviewsUnderway underway = reviews.getIfAvailable();
        if (underway == null || stored.isEmpty()) {
            return Set.of();
        }
        Set<String> corrected = new HashSet<>();
        for (Candidate candidate : candidates) {
            String number = candidate.summary.entryNumber().value();
            StoredVersion current = stored.get(number);
            if (candidate.summary.postSummaryCorrection() && current != null && !batch.equals(current.intakeBatch)) {
                corrected.add(number);
            }
        }
        return corrected.isEmpty() ? Set.of() : underway.among(corrected);
    }

    private List<Candidate> classify(
            List<Candidate> candidates,
            Map<String, StoredVersion> stored,
            Set<String> underReview,
            String actor,
            LocalDate today,
            List<IntakeOutcome> outcomes) {
        List<Candidate> accepted = new ArrayList<>();
        for (Candidate candidate : candidates) {
            EntrySummary summary = candidate.summary;
            String number = summary.entryNumber().value();
            StoredVersion current = stored.get(number);
            int repeated = current == null ? 0 : current.repeatedBy(candidate);
            if (current == null) {
                if (summary.postSummaryCorrection()) {
                    outcomes.add(reject(
                            candidate,
                            "postSummaryCorrection",
                            "PSC_WITHOUT_ORIGINAL",
                            "Entry " + summary.entryNumber().formatted()
                                    + " is flagged as a post-summary correction, but no summary of that number is on"
                                    + " file to correct.",
                            false));
                    continue;
                }
                candidate.version = 1;
            } else if (repeated > 0 && !current.submittedBy.equals(actor)) {
                // a copy of another account's summary: refused, and audited as every refusal is, whatever the form it
                // came in, since the copy is not this filer's to read back
                outcomes.add(reject(
                        candidate,
                        "entryNumber",
                        "ENTRY_ON_FILE_FROM_ANOTHER_FILER",
                        "Entry " + summary.entryNumber().formatted() + " is on file, filed through another account;"
                                + " nothing was stored. Only the account that filed it reads it back.",
                        true));
                continue;
            } else if (repeated > 0) {
                outcomes.add(new IntakeOutcome.Duplicate(candidate.position, summary.entryNumber(), repeated));
                continue;
            } else if (!summary.postSummaryCorrection()) {
                outcomes.add(reject(
                        candidate,
                        "entryNumber",
                        "ENTRY_CONFLICT",
                        // what another account's entry holds is not this filer's to know
                        current.submittedBy.equals(actor)
                                ? conflict(candidate, current, today, underReview.contains(number))
                                : "Entry " + summary.entryNumber().formatted() + " is already on file with different"
                                        + " content, filed through another account; only the filer of record may"
                                        + " correct it.",
                        true));
                continue;
            } else if (!current.submittedBy.equals(actor)) {
                outcomes.add(reject(
                        candidate,
                        "postSummaryCorrection",
                        "PSC_BY_ANOTHER_FILER",
                        "Entry " + summary.entryNumber().formatted() + " is on file from another filer; only the"
                                + " filer of record may correct it.",
                        true));
                continue;
            } else {
                String refusal = pscRefusal(summary, current, today, underReview.contains(number));
                if (refusal != null) {
                    outcomes.add(reject(
                            candidate,
                            "postSummaryCorrection",
                            refusal.substring(0, refusal.indexOf(':')),
                            refusal.substring(refusal.indexOf(':') + 1).trim(),
                            false));
                    continue;
                }
                candidate.version = current.version + 1;
            }
            candidate.deemed = deemedLiquidated(candidate, today);
            // a later summary of the batch under this number meets this version as if it were on file
            stored.put(
                    number,
                    new StoredVersion(
                            candidate.version,
                            candidate.fingerprint,
                            summary.importerNumber().value(),
                            summary.entryType(),
                            candidate.deemed ? EntryStatus.DEEMED_LIQUIDATED : EntryStatus.ACCEPTED,
                            candidate.clocks.pscCutoffDate(),
                            summary.entryDate(),
                            summary.portOfEntry(),
                            summary.modeOfTransport(),
                            summary.bondType(),
                            actor,
                            candidate.clocks.liquidationDeadline(),
                            with(current == null ? List.of() : current.fingerprints, candidate.fingerprint),
                            with(current == null ? List.of() : current.summaryDates, summary.summaryDate()),
                            summary.declaresAdcvdCase(),
                            null,
                            candidate));
            candidate.isNew = current == null;
            candidate.corrects = current;
            accepted.add(candidate);
            outcomes.add(new IntakeOutcome.Accepted(candidate.position, summary.entryNumber(), candidate.version));
        }
        return accepted;
    }

    /**
     * Whether a summary arriving on a business date stands deemed liquidated on arrival: a year from its entry date has
     * passed, its liquidation is not suspended, and its year runs from the entry date, not from the final withdrawal of
     * warehoused goods.
     */
    private boolean deemedLiquidated(Candidate candidate, LocalDate today) {
        return reference.deemedOnTheYearFromEntry(candidate.summary.entryType(), candidate.summary.declaresAdcvdCase())
                && candidate.clocks.deemedLiquidatedOn(today);
    }

    /** Whether a summary's liquidation waits for Commerce: by its entry type, and for some types by its cases. */
    private boolean liquidationSuspended(EntrySummary summary) {
        return reference.liquidationSuspended(summary.entryType(), summary.declaresAdcvdCase());
    }

    /**
     * What a filer is told of a summary that differs from its own version on file: the header fields that differ, with
     * the value on file, and whether the lines do; then either that a post-summary correction makes the change, or why
     * one would be refused (a correction cannot change the port, the importer or the entry date, nor be filed once the
     * window has closed).
     */
    private String conflict(Candidate candidate, StoredVersion current, LocalDate today, boolean underReview) {
        EntrySummary summary = candidate.summary;
        List<String> fields = new ArrayList<>();
        if (!current.entryType.equals(summary.entryType())) {
            fields.add("entryType " + current.entryType);
        }
        if (!current.importerNumber.equals(summary.importerNumber().value())) {
            fields.add("importerNumber " + current.importerNumber);
        }
        if (!current.portOfEntry.equals(summary.portOfEntry())) {
            fields.add("portOfEntry " + current.portOfEntry);
        }
        if (!current.entryDate.equals(summary.entryDate())) {
            fields.add("entryDate " + current.entryDate);
        }
        LocalDate summaryDate = current.summaryDates.get(current.summaryDates.size() - 1);
        // a summary dated on receipt states no summary date of its own
        if (!candidate.datedOnReceipt && !summaryDate.equals(summary.summaryDate())) {
            fields.add("summaryDate " + summaryDate);
        }
        if (!current.modeOfTransport.equals(summary.modeOfTransport())) {
            fields.add("modeOfTransport " + current.modeOfTransport);
        }
        if (!Objects.equals(current.bondType, summary.bondType())) {
            fields.add("bondType " + (current.bondType == null ? "not declared" : current.bondType));
        }
        // the fingerprint covers the header and the lines: under the header on file, it tells whether the lines differ
        EntrySummary underHeaderOnFile = new EntrySummary(
                summary.entryNumber(),
                current.entryType,
                ImporterNumber.parse(current.importerNumber),
                current.portOfEntry,
                current.entryDate,
                summaryDate,
                current.modeOfTransport,
                current.bondType,
                summary.postSummaryCorrection(),
                summary.lines());
        boolean otherLines = !underHeaderOnFile.fingerprint().equals(current.fingerprint);
        String differs = fields.isEmpty()
                ? "other lines"
                : "a different " + String.join(", ", fields) + (otherLines ? " and other lines" : "");
        String refusal = pscRefusal(summary, current, today, underReview);
        return "Entry " + summary.entryNumber().formatted() + " is already on file (version " + current.version
                + ") with " + differs + " on file"
                + (refusal == null
                        ? "; to change it, file a post-summary correction."
                        : ". " + refusal.substring(refusal.indexOf(':') + 1).trim());
    }

    /** Why a post-summary correction may not be filed, as {@code CODE: message}, or null when it may. */
    private String pscRefusal(EntrySummary summary, StoredVersion current, LocalDate today, boolean underReview) {
        String entry = summary.entryNumber().formatted();
        // deemed liquidated by operation of law once its deadline passes, whatever the status it was stored in
        if (current.status == EntryStatus.DEEMED_LIQUIDATED
                || (current.liquidationDeadline != null
                        && today.isAfter(current.liquidationDeadline)
                        && reference.deemedOnTheYearFromEntry(current.entryType, current.declaresAdcvdCase))) {
            return "PSC_AFTER_LIQUIDATION: Entry " + entry + " is deemed liquidated"
                    + (current.liquidationDeadline == null
                            ? ""
                            : " (its deadline was " + current.liquidationDeadline + ")")
                    + "; a post-summary correction is no longer possible (file a protest instead).";
        }
        if (current.pscCutoff != null && today.isAfter(current.pscCutoff)) {
            // past the cut-off, an entry whose liquidation is suspended may be corrected only as one that stays so:
            // a correction that lifted the suspension would leave the entry deemed liquidated without its duties
            if (!reference.liquidationSuspended(current.entryType, current.declaresAdcvdCase)) {
                return "PSC_AFTER_CUTOFF: The post-summary-correction window of entry " + entry + " closed on "
                        + current.pscCutoff + ".";
            }
            if (!liquidationSuspended(summary)) {
                return "PSC_AFTER_CUTOFF: The post-summary-correction window of entry " + entry + " closed on "
                        + current.pscCutoff + "; past it, an entry whose liquidation is suspended (type "
                        + current.entryType + " with an AD/CVD case) may be corrected only as one that stays"
                        + " suspended, not as type " + summary.entryType()
                        + (summary.declaresAdcvdCase() ? "" : " without a case") + ".";
            }
        }
        if (underReview) {
            return "PSC_UNDER_REVIEW: Entry " + entry + " is under CBP review (selected for review, its outcome not"
                    + " recorded yet), and a post-summary correction cannot be filed while it is (ACE Entry Summary"
                    + " Business Rules 7.2): give the correction to the Center reviewing the entry, or file it once"
                    + " the review has ended.";
        }
        if (!current.entryDate.equals(summary.entryDate())) {
            return "PSC_ENTRY_DATE_CHANGED: A post-summary correction cannot change the entry date of entry " + entry
                    + " (" + current.entryDate + "): the statutory clocks run from it.";
        }
        if (!current.portOfEntry.equals(summary.portOfEntry())) {
            return "PSC_PORT_CHANGED: A post-summary correction cannot change the port of entry of entry " + entry
                    + " (" + current.portOfEntry + ").";
        }
        if (!current.importerNumber.equals(summary.importerNumber().value())) {
            return "PSC_IMPORTER_CHANGED: A post-summary correction cannot change the importer of record of entry "
                    + entry + " (" + current.importerNumber + ").";
        }
        LocalDate correctedDate = current.summaryDates.get(current.summaryDates.size() - 1);
        if (summary.summaryDate().isBefore(correctedDate)) {
            return "PSC_DATED_BEFORE_VERSION: A post-summary correction of entry " + entry + " is dated "
                    + summary.summaryDate() + ", before version " + current.version + " it corrects (summary date "
                    + correctedDate + ").";
        }
        boolean typeChangeAllowed = current.entryType.equals(summary.entryType())
                || (current.entryType.equals("01") && summary.entryType().equals("03"))
                || (current.entryType.equals("03") && summary.entryType().equals("01"));
        if (!typeChangeAllowed) {
            return "PSC_ENTRY_TYPE_CHANGE: A post-summary correction may change the entry type only between 01 and"
                    + " 03, not from " + current.entryType + " to " + summary.entryType() + ".";
        }
        return null;
    }

    /**
     * The trade each summary adds to its account, by Center: all of an original's lines; for a correction, what it
     * changes against the version it replaces (a line moved to another heading moves its value to that heading's
     * Center; a lower value takes trade away), so that the account's totals always hold its entries' latest versions.
     */
    private List<TradeContribution> contributions(List<Candidate> accepted, Map<VersionKey, CenterTrade> replaced) {
        List<TradeContribution> trade = new ArrayList<>();
        for (Candidate candidate : accepted) {
            EntrySummary summary = candidate.summary;
            CenterTrade own = CenterTrade.of(summary, candidate.lineCenters);
            StoredVersion corrected = candidate.corrects;
            CenterTrade change = corrected == null
                    ? own
                    : own.minus(
                            corrected.inBatch != null
                                    ? CenterTrade.of(corrected.inBatch.summary, corrected.inBatch.lineCenters)
                                    : replaced.getOrDefault(
                                            new VersionKey(summary.entryNumber().value(), corrected.version),
                                            new CenterTrade()));
            if (change.isEmpty()) {
                trade.add(new TradeContribution(
                        summary.importerNumber(), summary.entryDate(), candidate.lineCenters.get(0), Money.ZERO, 0));
            }
            change.value.forEach((center, amount) -> trade.add(new TradeContribution(
                    summary.importerNumber(), summary.entryDate(), center, amount, change.lines.get(center))));
        }
        return trade;
    }

    /** The stored trade by Center of the versions the chunk's corrections replace, unless accepted in this batch. */
    private static Map<VersionKey, CenterTrade> replacedTrade(Connection connection, List<Candidate> accepted)
            throws SQLException {
        List<Candidate> corrections = accepted.stream()
                .filter(c -> c.corrects != null && c.corrects.inBatch == null)
                .toList();
        Map<VersionKey, CenterTrade> replaced = new HashMap<>();
        if (corrections.isEmpty()) {
            return replaced;
        }
        try (PreparedStatement select =
                connection.prepareStatement("select l.entry_number, l.version, l.center, sum(l.entered_value), count(*)"
                        + " from entry_line l join unnest(?::text[], ?::int[]) as k (entry_number, version)"
                        + " on l.entry_number = k.entry_number and l.version = k.version"
                        + " group by l.entry_number, l.version, l.center")) {
            select.setArray(
                    1,
                    connection.createArrayOf(
                            "text",
                            corrections.stream()
                                    .map(c -> c.summary.entryNumber().value())
                                    .toArray()));
            select.setArray(
                    2,
                    connection.createArrayOf(
                            "integer",
                            corrections.stream().map(c -> c.corrects.version).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    replaced.computeIfAbsent(
                                    new VersionKey(rows.getString(1), rows.getInt(2)), key -> new CenterTrade())
                            .add(CenterCode.of(rows.getString(3)), new Money(rows.getBigDecimal(4)), rows.getInt(5));
                }
            }
        }
        return replaced;
    }

    private record VersionKey(String entryNumber, int version) {}

    /** A summary's entered value and line count by the Center of each line. */
    private static final class CenterTrade {
        final Map<CenterCode, Money> value = new LinkedHashMap<>();
        final Map<CenterCode, Integer> lines = new LinkedHashMap<>();

        static CenterTrade of(EntrySummary summary, List<CenterCode> lineCenters) {
            CenterTrade trade = new CenterTrade();
            for (int i = 0; i < summary.lines().size(); i++) {
                trade.add(lineCenters.get(i), summary.lines().get(i).enteredValue(), 1);
            }
            return trade;
        }

        void add(CenterCode center, Money amount, int count) {
            value.merge(center, amount, Money::plus);
            lines.merge(center, count, Integer::sum);
        }

        /** This trade less another, leaving out the Centers where nothing changes. */
        CenterTrade minus(CenterTrade other) {
            CenterTrade difference = new CenterTrade();
            Set<CenterCode> centers = new LinkedHashSet<>(value.keySet());
            centers.addAll(other.value.keySet());
            for (CenterCode center : centers) {
                Money amount =
                        value.getOrDefault(center, Money.ZERO).minus(other.value.getOrDefault(center, Money.ZERO));
                int count = lines.getOrDefault(center, 0) - other.lines.getOrDefault(center, 0);
                if (amount.amount().signum() != 0 || count != 0) {
                    difference.add(center, amount, count);
                }
            }
            return difference;
        }

        boolean isEmpty() {
            return value.isEmpty();
        }
    }

    private void write(
            Connection connection,
            List<Candidate> accepted,
            Map<ImporterNumber, Routing> routing,
            List<IntakeOutcome> outcomes,
            String actor,
            Instant now,
            LocalDate today,
            String batch)
            throws SQLException {
        PostgresCopy summaries = new PostgresCopy(
                "entry_summary",
                "entry_number",
                "version",
                "entry_type",
                "importer_number",
                "account_id",
                "center",
                "port_of_entry",
                "entry_date",
                "summary_date",
                "mode_of_transport",
                "bond_type",
                "filer_code",
                "post_summary_correction",
                "status",
                "deemed_liquidation_date",
                "line_count",
                "total_entered_value",
                "total_duty",
                "total_adcvd_deposit",
                "declared_total_fees",
                "mpf_computed",
                "mpf_declared",
                "mpf_fiscal_year",
                "hmf_computed",
                "hmf_declared",
                "warnings",
                "content_hash",
                "submitted_by",
                "accepted_at",
                "intake_batch");
        PostgresCopy lines = new PostgresCopy(
                "entry_line",
                "entry_number",
                "version",
                "line_number",
                "hts_number",
                "additional_hts",
                "country_of_origin",
                "country_of_export",
                "manufacturer_id",
                "description",
                "entered_value",
                "quantity",
                "unit",
                "gross_weight_kg",
                "related_party",
                "duty_amount",
                "adcvd_case_number",
                "adcvd_deposit",
                "fees",
                "center");
        List<ClockRegister.EntryClocks> clockRows = new ArrayList<>(accepted.size());
        List<AuditEntry> auditRows = new ArrayList<>();
        List<String> acceptedRefs = new ArrayList<>(accepted.size());
        List<EntrySummaryAccepted> acceptedEvents = new ArrayList<>(accepted.size());
        for (Candidate candidate : accepted) {
            EntrySummary s = candidate.summary;
            String number = s.entryNumber().value();
            Routing route = routing.get(s.importerNumber());
            Fees fee = candidate.fees;
            ClockSet clockSet = candidate.clocks;
            boolean suspended = liquidationSuspended(s);
            boolean deemed = candidate.deemed;
            if (suspended) {
                candidate.warnings.add(new Warning(
                        null,
                        "LIQUIDATION_SUSPENDED",
                        "This type " + s.entryType() + " entry declares antidumping or countervailing duty cases: its"
                                + " liquidation is suspended until Commerce instructs CBP (19 U.S.C. 1504(b)), so the"
                                + " one-year liquidation deadline " + clockSet.liquidationDeadline()
                                + " does not deem it liquidated, and corrections may be filed past the"
                                + " post-summary-correction cut-off while it is suspended."));
            }
            if (!suspended && !deemed && today.isAfter(clockSet.pscCutoffDate())) {
                candidate.warnings.add(new Warning(
                        null,
                        "PSC_WINDOW_CLOSED",
                        "The summary arrived after its post-summary-correction cut-off " + clockSet.pscCutoffDate()
                                + ": it cannot be corrected by a post-summary correction"
                                + (today.isAfter(clockSet.scheduledLiquidationDate())
                                        ? ", and its scheduled liquidation date " + clockSet.scheduledLiquidationDate()
                                                + " has passed as well."
                                        : ".")));
            }
            if (deemed) {
                candidate.warnings.add(new Warning(
                        null,
                        "DEEMED_LIQUIDATED",
                        "The summary arrived after its liquidation deadline " + clockSet.liquidationDeadline()
                                + " and stands deemed liquidated as of that date, at the rate, value, quantity and"
                                + " duty asserted."));
            }
            summaries.row(
                    number,
                    candidate.version,
                    s.entryType(),
                    s.importerNumber().value(),
                    route.accountId(),
                    route.center() == null ? null : route.center().value(),
                    s.portOfEntry(),
                    s.entryDate(),
                    s.summaryDate(),
                    s.modeOfTransport(),
                    s.bondType(),
                    s.entryNumber().filerCode(),
                    s.postSummaryCorrection(),
                    deemed ? EntryStatus.DEEMED_LIQUIDATED.name() : EntryStatus.ACCEPTED.name(),
                    deemed ? clockSet.liquidationDeadline() : null,
                    s.lines().size(),
                    s.totalEnteredValue().amount(),
                    s.totalDuty().amount(),
                    s.totalAdcvdDeposit().amount(),
                    s.declaredFees().amount(),
                    fee.mpfComputed().amount(),
                    fee.mpfDeclared().amount(),
                    fee.mpfFiscalYear(),
                    fee.hmfComputed().amount(),
                    fee.hmfDeclared().amount(),
                    candidate.warnings.isEmpty() ? "[]" : JSON.writeValueAsString(candidate.warnings),
                    candidate.fingerprint,
                    actor,
                    now,
                    batch);
            for (int i = 0; i < s.lines().size(); i++) {
                EntryLine line = s.lines().get(i);
                CenterCode lineCenter = candidate.lineCenters.get(i);
                lines.row(
                        number,
                        candidate.version,
                        line.lineNumber(),
                        line.htsNumber().value(),
                        line.additionalHtsNumbers().isEmpty()
                                ? null
                                : line.additionalHtsNumbers().stream()
                                        .map(Object::toString)
                                        .collect(Collectors.joining(";")),
                        line.countryOfOrigin(),
                        line.countryOfExport(),
                        line.manufacturerId(),
                        line.description(),
                        line.enteredValue().amount(),
                        line.quantity(),
                        line.unit(),
                        line.grossWeightKg(),
                        line.relatedParty(),
                        line.duty().amount(),
                        line.adcvdCaseNumber(),
                        line.adcvdDeposit() == null ? null : line.adcvdDeposit().amount(),
                        line.fees().isEmpty()
                                ? null
                                : line.fees().stream()
                                        .map(f -> f.classCode() + "=" + f.amount())
                                        .collect(Collectors.joining(";")),
                        lineCenter == null ? null : lineCenter.value());
            }
            clockRows.add(new ClockRegister.EntryClocks(number, candidate.version, clockSet));
            String center = route.center() == null ? null : route.center().value();
            acceptedRefs.add(number + "/" + candidate.version);
            acceptedEvents.add(new EntrySummaryAccepted(
                    number,
                    candidate.version,
                    s.importerNumber().value(),
                    center,
                    s.entryDate(),
                    s.postSummaryCorrection(),
                    s,
                    candidate.lineCenters.stream().map(CenterCode::value).toList(),
                    deemed));
        }
        if (!acceptedRefs.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("count", acceptedRefs.size());
            detail.put("entries", acceptedRefs);
            auditRows.add(new AuditEntry(now, actor, "ENTRY_SUMMARIES_ACCEPTED", "intake-batch", batch, detail));
        }
        // in the order of the batch, so that a trail lists the rejections of one instant as the filer sent them
        outcomes.stream()
                .filter(IntakeOutcome.Rejected.class::isInstance)
                .map(IntakeOutcome.Rejected.class::cast)
                .sorted(Comparator.comparingInt(IntakeOutcome.Rejected::position))
                .forEach(rejected -> auditRows.add(audited(rejected, batch, actor, now)));
        summaries.into(connection);
        lines.into(connection);
        clockRegister.storeAll(connection, clockRows);
        audit.recordAll(connection, auditRows);
        if (!acceptedEvents.isEmpty()) {
            events.publishEvent(new EntrySummariesAccepted(acceptedEvents));
        }
    }

    /**
     * The audit row of a rejection: under its entry number when the record gave one, else under its intake batch, whose
     * acceptances are audited under the same identifier; either way the row names the batch and the record's position.
     */
    private static AuditEntry audited(IntakeOutcome.Rejected rejected, String batch, String actor, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("intakeBatch", batch);
        detail.put("position", rejected.position());
        detail.put("errors", rejected.errors().stream().map(IntakeError::code).toList());
        return rejected.entryNumber() == null
                ? new AuditEntry(now, actor, "ENTRY_SUMMARY_REJECTED", "intake-batch", batch, detail)
                : new AuditEntry(now, actor, "ENTRY_SUMMARY_REJECTED", "entry-summary", rejected.entryNumber(), detail);
    }

    private static IntakeOutcome.Rejected reject(
            Candidate candidate, String field, String code, String message, boolean conflict) {
        return new IntakeOutcome.Rejected(
                candidate.position,
                candidate.summary.entryNumber().value(),
                List.of(IntakeError.header(field, code, message)),
                conflict,
                candidate.fileLine);
    }

    /**
     * An entry number as a record gave it, or null when it holds a control character: no entry number does, and the
     * audit log can hold no such text. A text longer than {@value Shown#LONGEST} characters, which no entry
     * number is, is cut short and marked so: the filer recognises it, and the audit log's index of subjects, which holds
     * a few thousand bytes a row, is never handed a whole value that a broken record took for one.
     */
    private static String readable(String text) {
        if (text == null || Printable.unprintableAt(text) >= 0) {
            return null;
        }
        return Shown.value(text);
    }

    /** The entry number as filers will recognise it in a rejection: without dashes when it has the right shape. */
    private static String normalisedNumber(String text) {
        if (readable(text) == null) {
            return null;
        }
        String plain = text.trim().replace("-", "").toUpperCase();
        return plain.matches("[A-Z0-9]{11}") ? plain : readable(text.trim());
    }

    /** A valid submission on its way through the transaction. */
    static final class Candidate {
        final int position;
        /** Where its record starts in the file or body of its batch, from 1; 0 when it came from none. */
        final long fileLine;

        final EntrySummary summary;
        /** Whether its summary date is the business date it was received, not a date its filer stated (AE). */
        final boolean datedOnReceipt;

        final List<Warning> initialWarnings;
        final String fingerprint;
        List<Warning> warnings;
        final List<CenterCode> lineCenters;
        final Fees fees;
        final ClockSet clocks;
        int version;
        boolean isNew;
        /** Whether it stands deemed liquidated on arrival, as classified. */
        boolean deemed;
        /** The version a correction replaces, as stored or as accepted earlier in the batch; null for an original. */
        StoredVersion corrects;

        Candidate(
                int position,
                long fileLine,
                EntrySummary summary,
                boolean datedOnReceipt,
                List<Warning> warnings,
                List<CenterCode> lineCenters,
                Fees fees,
                ClockSet clocks) {
            this.lineCenters = lineCenters;
            this.fees = fees;
            this.clocks = clocks;
            this.position = position;
            this.fileLine = fileLine;
            this.summary = summary;
            this.datedOnReceipt = datedOnReceipt;
            this.initialWarnings = List.copyOf(warnings);
            this.warnings = warnings;
            this.fingerprint = summary.fingerprint();
        }

        void reset() {
            warnings = new ArrayList<>(initialWarnings);
            version = 0;
            isNew = false;
            deemed = false;
            corrects = null;
        }

        /**
         * Whether this submission says what a stored version with this fingerprint and summary date says. A summary
         * dated on receipt states no summary date of its own, so it is compared as if dated as the stored version is:
         * an AE transaction sent again on a later day repeats the version it sent before.
         */
        boolean repeats(String storedFingerprint, LocalDate storedSummaryDate) {
            if (!datedOnReceipt || summary.summaryDate().equals(storedSummaryDate)) {
                return fingerprint.equals(storedFingerprint);
            }
            return summary.withSummaryDate(storedSummaryDate).fingerprint().equals(storedFingerprint);
        }
    }

    /**
     * The stored current version of an entry number, with whether any of its lines declares an AD/CVD case (which for
     * some entry types suspends its liquidation) and the intake batch that stored it ({@code intakeBatch}), or a
     * version accepted earlier in the chunk ({@code inBatch}, its {@code intakeBatch} null).
     */
    private record StoredVersion(
            int version,
            String fingerprint,
            String importerNumber,
            String entryType,
            EntryStatus status,
            LocalDate pscCutoff,
            LocalDate entryDate,
            String portOfEntry,
            String modeOfTransport,
            String bondType,
            String submittedBy,
            LocalDate liquidationDeadline,
            List<String> fingerprints,
            List<LocalDate> summaryDates,
            boolean declaresAdcvdCase,
            String intakeBatch,
            Candidate inBatch) {

        /**
         * The version a submission repeats, or 0 when it repeats none: the current version, or an earlier one of its
         * kind. The original resent after a correction is a duplicate of it, never a conflict with what followed; a
         * correction sent again after a later one is a duplicate of the version it made, so that a late retry never
         * undoes what followed it. A correction that restores the original's content is a new version: the filer asks
         * for the change. {@code fingerprints} and {@code summaryDates} hold every version, oldest first.
         */
        int repeatedBy(Candidate candidate) {
            if (candidate.repeats(fingerprint, summaryDates.get(summaryDates.size() - 1))) {
                return version;
            }
            int oldest = candidate.summary.postSummaryCorrection() ? 1 : 0;
            for (int earlier = fingerprints.size() - 1; earlier >= oldest; earlier--) {
                if (candidate.repeats(fingerprints.get(earlier), summaryDates.get(earlier))) {
                    return earlier + 1;
                }
            }
            return 0;
        }
    }

    private static <T> List<T> with(List<T> versions, T latest) {
        List<T> all = new ArrayList<>(versions);
        all.add(latest);
        return all;
    }

    /** The dates of a SQL array of dates, in its order. */
    private static List<LocalDate> dates(java.sql.Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        List<LocalDate> dates = new ArrayList<>(values.length);
        for (Object value : values) {
            dates.add(((java.sql.Date) value).toLocalDate());
        }
        return dates;
    }

    /** The database refused what the chunk holds: a data exception or a broken constraint (SQL states 22 and 23). */
    private static final class RefusedByDatabase extends RuntimeException {
        RefusedByDatabase(SQLException cause) {
            super(cause);
        }
    }

    /** Another intake stored one of the chunk's entry numbers first. */
    private static final class ConcurrentFiling extends RuntimeException {
        ConcurrentFiling(SQLException cause) {
            super(cause);
        }
    }
}
