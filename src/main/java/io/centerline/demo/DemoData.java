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
import io.centerline.targeting.Outcomes;
import io.centerline.targeting.model.RiskModels;
import io.centerline.targeting.model.TrainingOutcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * intake gateway {@code filer} through the ordinary intake path. A later start finds the marker in the audit log and
 * loads nothing.
 */
@Component
@ConditionalOnProperty(name = "centerline.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final int DEFAULT_ENTRIES = 20_000;
    static final String FILER = "filer";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Users users;
    private final EntrySummaryIntake intake;
    private final Outcomes outcomes;
    private final RiskModels models;
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
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock,
            @Value("${centerline.demo.entries:" + DEFAULT_ENTRIES + "}") int entries,
            @Value("${centerline.demo.seed:2026}") long seed) {
        this.users = users;
        this.intake = intake;
        this.outcomes = outcomes;
        this.models = models;
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
        createUser("specialist", "specialist-demo", Role.SPECIALIST);
        createUser("manager", "manager-demo", Role.ACCOUNT_MANAGER);
        createUser("targeter", "targeter-demo", Role.TARGETER);
        LocalDate businessDate = LocalDate.now(clock);
        log.info("Loading the demo data set: {} entry summaries up to {}", entries, businessDate);
        EntrySummaryGenerator generator = new EntrySummaryGenerator(GeneratorSettings.of(entries, seed, businessDate));
        GeneratedSummaries summaries = new GeneratedSummaries(generator.iterator());
        EntrySummaryIntake.Tally tally = intake.ingest(
                summaries,
                FILER,
                done -> {
                    if (done % 5_000 == 0) {
                        log.info("Demo data: {} of {} entry summaries", done, entries);
                    }
                },
                rejected -> log.warn("Demo entry summary refused: {}", rejected));
        audit.record(
                "system",
                "DEMO_DATA_LOADED",
                "demo",
                "entries",
                Map.of("accepted", tally.accepted(), "rejected", tally.rejected(), "seed", seed));
        log.info("Demo data loaded: {} accepted, {} rejected", tally.accepted(), tally.rejected());
        DemoReviews reviews = new DemoReviews(outcomes, seed, businessDate.minusDays(DemoReviews.REVIEWED_BEFORE_DAYS));
        int recorded = reviews.record(summaries.reviewable);
        log.info("Demo review outcomes recorded for {} entry summaries", recorded);
        TrainingOutcome model = models.train("system");
        if (model instanceof TrainingOutcome.Trained trained) {
            log.info(
                    "Demo risk model version {} trained on the demo review outcomes{}",
                    trained.version().version(),
                    trained.activated() ? " and activated" : "");
        } else if (model instanceof TrainingOutcome.NotEnoughData why) {
            log.info("No demo risk model: {}", why.reason());
        }
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
