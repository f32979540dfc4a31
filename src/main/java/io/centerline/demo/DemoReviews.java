package io.centerline.demo;

import io.centerline.demo.generator.GeneratedEntry;
import io.centerline.demo.generator.IllicitPattern;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.identity.Role;
import io.centerline.identity.Users;
import io.centerline.targeting.Outcome;
import io.centerline.targeting.Outcomes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review outcomes for part of the demo history, as if those entry summaries had been reviewed: the generator's label
 * says what a review would have found. Most entries with a planted pattern and a small share of the others entered
 * before a cut-off date get an outcome, so that the demo starts with effectiveness figures and enough labelled history
 * to train a model. The revenue found is illustrative: a share of the entered value. The reviews are the demo's
 * specialist's ({@value #REVIEWER}), a user of role SPECIALIST, created when missing, since a reviewer is one of CBP's
 * users. The intake benchmark reviews its warm-up the same way, to score with a model as the service does.
 */
public final class DemoReviews {

    /** Entry summaries entered at least this many days before the business date may have a review outcome. */
    public static final int REVIEWED_BEFORE_DAYS = 60;

    /** The demo's specialist, who records its reviews, and the password the demo gives the user. */
    static final String REVIEWER = "specialist";

    static final String REVIEWER_PASSWORD = "specialist-demo";

    static final double PLANTED_REVIEWED = 0.6;
    static final double CLEAN_REVIEWED = 0.08;
    private static final BigDecimal REVENUE_SHARE = new BigDecimal("0.04");
    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);

    private final Outcomes outcomes;
    private final Users users;
    private final Random random;
    private final LocalDate enteredBefore;

    public DemoReviews(Outcomes outcomes, Users users, long seed, LocalDate enteredBefore) {
        this.outcomes = outcomes;
        this.users = users;
        this.random = new Random(seed ^ 0x5EED);
        this.enteredBefore = enteredBefore;
    }

    /** What a demo review needs to know of a generated entry summary. */
    public record Reviewable(String entryNumber, LocalDate entryDate, IllicitPattern pattern, BigDecimal enteredValue) {

        public static Reviewable of(GeneratedEntry entry) {
            SubmittedEntrySummary summary = entry.summary();
            BigDecimal value = summary.lines().stream()
                    .map(line -> new BigDecimal(line.enteredValue()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Reviewable(
                    summary.entryNumber(),
                    LocalDate.parse(summary.entryDate()),
                    entry.isPlanted() ? entry.patterns().get(0).type() : null,
                    value);
        }
    }

    /** Records the outcomes in one batch; returns how many were recorded. */
    public int record(List<Reviewable> entries) {
        List<Outcomes.Report> reports = new ArrayList<>();
        for (Reviewable entry : entries) {
            if (!entry.entryDate().isBefore(enteredBefore)) {
                continue;
            }
            boolean reviewed = random.nextDouble() < (entry.pattern() == null ? CLEAN_REVIEWED : PLANTED_REVIEWED);
            if (!reviewed) {
                continue;
            }
            Outcome outcome = entry.pattern() == null ? Outcome.NO_CHANGE : outcomeOf(entry.pattern());
            BigDecimal revenue = outcome == Outcome.NO_CHANGE
                    ? BigDecimal.ZERO
                    : entry.enteredValue().multiply(REVENUE_SHARE).setScale(2, RoundingMode.HALF_UP);
            reports.add(new Outcomes.Report(
                    entry.entryNumber(),
                    null,
                    outcome.name(),
                    revenue,
                    REVIEWER,
                    "demo review",
                    entry.entryDate().plusDays(30 + random.nextInt(25))));
        }
        if (!reports.isEmpty() && !users.exists(REVIEWER)) {
            users.create(REVIEWER, REVIEWER_PASSWORD, EnumSet.of(Role.SPECIALIST), "system");
        }
        Outcomes.Batch batch = outcomes.recordAll(reports, "system");
        batch.refused().forEach(refused -> log.warn("Demo review outcome refused: {}", refused.getMessage()));
        return batch.recorded().size();
    }

    static Outcome outcomeOf(IllicitPattern pattern) {
        return switch (pattern) {
            case UNDERVALUATION -> Outcome.VALUE;
            case TRANSSHIPMENT -> Outcome.ORIGIN;
            case MISCLASSIFICATION -> Outcome.CLASSIFICATION;
            case ADCVD_EVASION -> Outcome.ADCVD;
            case FORCED_LABOUR_LINK -> Outcome.FORCED_LABOUR;
        };
    }
}
