package io.centerline.demo;

import io.centerline.demo.generator.EntrySummaryGenerator;
import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.GeneratorSettings;
import io.centerline.entries.EntrySummaryIntake;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.intake.SummaryReader;
import io.centerline.identity.AuditLog;
import io.centerline.identity.Role;
import io.centerline.identity.Users;
import io.centerline.reference.ReferenceData;
import io.centerline.targeting.Capacities;
import io.centerline.targeting.Outcomes;
import io.centerline.targeting.model.RiskModels;
import io.centerline.targeting.model.TrainingOutcome;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo data set, loaded on the first start of a service with {@code centerline.demo.enabled}: the demo users and
 * {@value #DEFAULT_ENTRIES} generated entry summaries over the 18 months before the business date, submitted by the
 * intake gateway {@code filer} through the ordinary intake path in entry-date order, as they would have arrived. The
 * Centers' review capacity is set in proportion to the demo's volume first. The summaries of all but the last
 * {@value #MODEL_MONTHS} months are filed and reviewed in part ({@link DemoReviews}), a first risk model is trained on
 * those reviews, and the last months are filed and scored with it, so that their selection rests on the model as a
 * running service's would. A later start finds the marker in the audit log and loads nothing.
 */
@Component
@ConditionalOnProperty(name = "centerline.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final int DEFAULT_ENTRIES = 20_000;
    static final String FILER = "filer";
    /** The last months of the demo history are filed after the first model is trained, and scored with it. */
    static final int MODEL_MONTHS = 6;

    static final int CAPACITY_SHARE_PERCENT = 10;
    static final int MINIMUM_CAPACITY = 2;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Users users;
    private final EntrySummaryIntake intake;
    private final Outcomes outcomes;
    private final RiskModels models;
    private final Capacities capacities;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int entries;
    private final long seed;

    DemoData(
            Users users,
            EntrySummaryIntake intake,
            Outcomes outcomes,
            RiskModels models,
            Capacities capacities,
            ReferenceData reference,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            @Value("${centerline.demo.entries:" + DEFAULT_ENTRIES + "}") int entries,
            @Value("${centerline.demo.seed:2026}") long seed) {
        this.users = users;
        this.intake = intake;
        this.outcomes = outcomes;
        this.models = models;
        this.capacities = capacities;
        this.reference = reference;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.entries = entries;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (loaded()) {
            return;
        }
        createUser(FILER, "filer-demo", Role.FILER);
        createUser("admin", "admin-demo", Role.ADMIN);
        createUser(DemoReviews.REVIEWER, DemoReviews.REVIEWER_PASSWORD, Role.SPECIALIST);
        createUser("manager", "manager-demo", Role.ACCOUNT_MANAGER);
        createUser("targeter", "targeter-demo", Role.TARGETER);
        LocalDate businessDate = LocalDate.now(clock);
        log.info("Loading the demo data set: {} entry summaries up to {}", entries, businessDate);
        List<GeneratedEntry> generated = new ArrayList<>(entries);
        new EntrySummaryGenerator(GeneratorSettings.of(entries, seed, businessDate)).forEach(generated::add);
        // filed as they would have arrived, day after day: the generator draws each entry date at random
        generated.sort(Comparator.comparing(entry -> entry.summary().entryDate()));
        if (generated.isEmpty()) {
            return;
        }
        establishCapacity(generated);
        LocalDate modelFrom = businessDate.minusMonths(MODEL_MONTHS);
        int split = 0;
        while (split < generated.size()
                && LocalDate.parse(generated.get(split).summary().entryDate()).isBefore(modelFrom)) {
            split++;
        }
        DemoReviews reviews =
                new DemoReviews(outcomes, users, seed, businessDate.minusDays(DemoReviews.REVIEWED_BEFORE_DAYS));
        EntrySummaryIntake.Tally before = file(generated.subList(0, split), reviews, 0);
        TrainingOutcome model = models.train("system");
        if (model instanceof TrainingOutcome.Trained trained) {
            log.info(
                    "Demo risk model version {} trained on the review outcomes of entries before {}{}",
                    trained.version().version(),
                    modelFrom,
                    trained.activated() ? " and activated" : "");
        } else if (model instanceof TrainingOutcome.NotEnoughData why) {
            log.info("No demo risk model: {}", why.reason());
        }
        EntrySummaryIntake.Tally after = file(generated.subList(split, generated.size()), reviews, split);
        long accepted = before.accepted() + after.accepted();
        long rejected = before.rejected() + after.rejected();
        audit.record(
                "system",
                "DEMO_DATA_LOADED",
                "demo",
                "entries",
                Map.of("accepted", accepted, "rejected", rejected, "seed", seed));
        log.info("Demo data loaded: {} accepted, {} rejected", accepted, rejected);
    }

    /**
     * Files generated entries through intake and records the demo's review outcomes of those entered before the
     * cut-off.
     */
    private EntrySummaryIntake.Tally file(List<GeneratedEntry> part, DemoReviews reviews, int filedBefore) {
        GeneratedSummaries summaries = new GeneratedSummaries(part.iterator());
        EntrySummaryIntake.Tally tally = intake.ingest(
                summaries,
                FILER,
                done -> {
                    if ((filedBefore + done) % 5_000 == 0) {
                        log.info("Demo data: {} of {} entry summaries", filedBefore + done, entries);
                    }
                },
                rejected -> log.warn("Demo entry summary refused: {}", rejected));
        int recorded = reviews.record(summaries.reviewable);
        log.info("Demo review outcomes recorded for {} entry summaries", recorded);
        return tally;
    }

    /**
     * A review capacity in proportion to the demo's volume, the same for every Center: {@value #CAPACITY_SHARE_PERCENT}%
     * of the demo's average week shared among the Centers, and at least {@value #MINIMUM_CAPACITY}, from the first
     * entry date on. The configured default suits a Center's real volume, which the demo's thousand or so summaries a
     * month fall far short of.
     */
    private void establishCapacity(List<GeneratedEntry> generated) {
        LocalDate first = LocalDate.parse(generated.get(0).summary().entryDate());
        LocalDate last =
                LocalDate.parse(generated.get(generated.size() - 1).summary().entryDate());
        double weeks = Math.max(1, ChronoUnit.DAYS.between(first, last) / 7.0);
        int items = (int) Math.max(
                MINIMUM_CAPACITY,
                Math.round(generated.size() / weeks / reference.centers().size() * CAPACITY_SHARE_PERCENT / 100));
        capacities.establish(items, first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "system");
        log.info("Demo review capacity: {} items a week for each Center", items);
    }

    private boolean loaded() {
        return jdbc.sql("select exists (select 1 from audit_log where action = 'DEMO_DATA_LOADED')")
                .query(Boolean.class)
                .single();
    }

    private void createUser(String username, String password, Role role) {
        if (!users.exists(username)) {
            users.create(username, password, EnumSet.of(role), "system");
        }
    }

    /** Generated entries as an intake stream, keeping what a demo review needs to know of each. */
    private static final class GeneratedSummaries implements SummaryReader {
        private final Iterator<GeneratedEntry> entries;
        private final List<DemoReviews.Reviewable> reviewable = new ArrayList<>();
        private int position;

        GeneratedSummaries(Iterator<GeneratedEntry> entries) {
            this.entries = entries;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public ReadRecord next() {
            GeneratedEntry entry = entries.next();
            reviewable.add(DemoReviews.Reviewable.of(entry));
            return new ReadRecord.Parsed(++position, entry.summary());
        }

        @Override
        public void close() {}
    }
}
