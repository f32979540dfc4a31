package io.centerline.targeting;

import io.centerline.entries.EntrySummaryAccepted;
import io.centerline.reference.CenterCode;
import io.centerline.reference.ReferenceData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scores every accepted entry summary version once: the rules in force, every detector and the active model give their
 * findings, the findings combine into one score, selection decides within the Center's capacity, and the assessment
 * is stored with its reasons. {@link IntakeScoring} calls it for every chunk intake stores.
 */
@Component
public class Scoring {

    private static final Logger log = LoggerFactory.getLogger(Scoring.class);
    private static final double MODEL_FINDING_FROM = 0.5;

    private final StoredEntries stored;
    private final RiskAssessments assessments;
    private final Selection selection;
    private final List<Detector> detectors;
    private final ObjectProvider<RuleSource> rules;
    private final ObjectProvider<RiskModelSource> models;
    private final ReferenceData reference;
    private final Clock clock;
    private final boolean modelEnabled;

    Scoring(
            StoredEntries stored,
            RiskAssessments assessments,
            Selection selection,
            List<Detector> detectors,
            ObjectProvider<RuleSource> rules,
            ObjectProvider<RiskModelSource> models,
            ReferenceData reference,
            Clock clock,
            @Value("${centerline.targeting.model.enabled:true}") boolean modelEnabled) {
        this.stored = stored;
        this.assessments = assessments;
        this.selection = selection;
        this.detectors = List.copyOf(detectors);
        this.rules = rules;
        this.models = models;
        this.reference = reference;
        this.clock = clock;
        this.modelEnabled = modelEnabled;
    }

    /** Scores the versions not scored yet, stores their assessments and returns them. */
    public List<RiskAssessment> assess(List<EntryKey> keys) {
        Set<EntryKey> done = assessments.assessedAmong(keys);
        List<EntryKey> wanted = keys.stream().filter(key -> !done.contains(key)).toList();
        return assessEntries(stored.load(wanted));
    }

    /**
     * Scores versions intake has just accepted. Those it handed over in memory are scored as they are, being new; those
     * it did not (a publication resubmitted after a restart) are read back, and only when not scored yet.
     */
    List<RiskAssessment> assessAccepted(List<EntrySummaryAccepted> accepted) {
        List<EntrySummaryAccepted> inHand = new ArrayList<>(accepted.size());
        List<EntryKey> readBack = new ArrayList<>();
        for (EntrySummaryAccepted summary : accepted) {
            if (summary.summary() != null) {
                inHand.add(summary);
            } else {
                readBack.add(new EntryKey(summary.entryNumber(), summary.version()));
            }
        }
        List<RiskAssessment> results = new ArrayList<>(assessEntries(stored.accepted(inHand)));
        if (!readBack.isEmpty()) {
            results.addAll(assess(readBack));
        }
        return results;
    }

    private List<RiskAssessment> assessEntries(List<EntryUnderReview> entries) {
        Optional<RiskModelSource.ActiveModel> model = modelEnabled
                ? Optional.ofNullable(models.getIfAvailable()).flatMap(RiskModelSource::active)
                : Optional.empty();
        double[] lineScores = model.map(m -> m.score(
                        entries.stream().flatMap(e -> e.lines().stream()).toList()))
                .orElse(null);
        RuleSource ruleSource = rules.getIfAvailable();
        Instant now = Instant.now(clock);
        List<RiskAssessment> results = new ArrayList<>(entries.size());
        Selection.Round round = round();
        Map<EntryKey, Integer> inRound = new HashMap<>();
        List<Displacement> displaced = new ArrayList<>();
        int offset = 0;
        for (EntryUnderReview entry : entries) {
            List<Finding> findings = new ArrayList<>();
            if (ruleSource != null) {
                findings.addAll(ruleSource.evaluate(entry));
            }
            for (Detector detector : detectors) {
                findings.addAll(examineAndLearn(detector, entry));
            }
            Double modelScore = null;
            if (lineScores != null) {
                int riskiest = offset;
                for (int i = offset; i < offset + entry.lines().size(); i++) {
                    if (lineScores[i] > lineScores[riskiest]) {
                        riskiest = i;
                    }
                }
                modelScore = lineScores[riskiest];
                if (modelScore >= MODEL_FINDING_FROM) {
                    findings.add(model.get().explain(entry.lines().get(riskiest - offset), modelScore));
                }
            }
            offset += entry.lines().size();
            double score = combined(modelScore, findings);
            EntryKey key = new EntryKey(entry.entryNumber(), entry.version());
            Selection.Decision decision =
                    selection.decide(round, key, entry.center(), entry.entryDate(), score, entry.trustedPartner());
            if (decision.displaced() != null) {
                Integer earlier = inRound.get(decision.displaced());
                Displacement displacement =
                        new Displacement(decision.displaced(), decision.displacedScore(), key, score);
                if (earlier != null) {
                    results.set(earlier, displacement.applyTo(results.get(earlier)));
                } else {
                    displaced.add(displacement);
                }
            }
            inRound.put(key, results.size());
            results.add(assessment(
                    entry,
                    score,
                    modelScore,
                    model.map(RiskModelSource.ActiveModel::version),
                    findings,
                    decision,
                    now));
        }
        assessments.store(results);
        displaced.forEach(assessments::displace);
        return results;
    }

    /**
     * A round of selection tied to the transaction it runs in, if any: its selections give way to others' once it
     * commits, and its Centers are read again if it rolls back.
     */
    private Selection.Round round() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return selection.committedRound();
        }
        Selection.Round round = selection.round();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    round.committed();
                } else {
                    round.rolledBack();
                }
            }
        });
        return round;
    }

    /** A selection for risk that gave way to a riskier summary of the same Center-week. */
    record Displacement(EntryKey displaced, double displacedScore, EntryKey by, double byScore) {

        static final String TRADE_REASON = "No review of this entry summary is planned; it was accepted as filed.";

        /** The assessment no longer selected: its first reason, the selection's, says why; the trade is told plainly. */
        RiskAssessment applyTo(RiskAssessment selected) {
            return new RiskAssessment(
                    selected.entryNumber(),
                    selected.version(),
                    selected.center(),
                    selected.importerNumber(),
                    selected.entryDate(),
                    selected.trustedPartner(),
                    selected.score(),
                    selected.modelScore(),
                    selected.modelVersion(),
                    null,
                    reasonsAfter(selected.reasons()),
                    List.of(TRADE_REASON),
                    selected.findings(),
                    selected.scoredAt());
        }

        /** The specialist's reasons once displaced: the first, the selection's, says which summary took the item. */
        List<String> reasonsAfter(List<String> reasons) {
            List<String> after = new ArrayList<>(reasons);
            after.set(
                    0,
                    "Not selected: it gave its risk review item to " + by.entryNumber() + " v" + by.version()
                            + ", riskier and of the same Center and week (score " + threeDecimals(displacedScore)
                            + " against " + threeDecimals(byScore) + ").");
            return after;
        }
    }

    /**
     * The model's probability and every finding's strength joined as independent pieces of evidence: the chance that
     * none of them is right, taken from one.
     */
    static double combined(Double modelScore, List<Finding> findings) {
        double clear = modelScore == null ? 1 : 1 - modelScore;
        for (Finding finding : findings) {
            if (finding.source() != Finding.Source.MODEL) {
                clear *= 1 - finding.strength();
            }
        }
        return 1 - clear;
    }

    /**
     * A detector's findings on an entry, which it then learns from. A detector that fails on an entry finds nothing in
     * it, and scoring goes on.
     */
    private List<Finding> examineAndLearn(Detector detector, EntryUnderReview entry) {
        try {
            return detector.examineAndLearn(entry);
        } catch (RuntimeException e) {
            log.warn("Detector {} failed on {} v{}", detector.code(), entry.entryNumber(), entry.version(), e);
            return List.of();
        }
    }

    private RiskAssessment assessment(
            EntryUnderReview entry,
            double score,
            Double modelScore,
            Optional<Integer> modelVersion,
            List<Finding> findings,
            Selection.Decision decision,
            Instant now) {
        List<Finding> ordered = findings.stream()
                .sorted((a, b) -> Double.compare(b.strength(), a.strength()))
                .toList();
        List<String> reasons = new ArrayList<>();
        reasons.add(selectionReason(score, decision));
        for (Finding finding : ordered) {
            reasons.add(label(finding) + ": " + finding.reason());
        }
        if (modelScore != null && ordered.stream().noneMatch(f -> f.source() == Finding.Source.MODEL)) {
            reasons.add(String.format(
                    Locale.ROOT,
                    "Risk model v%d: probability of a finding %.2f, below the %.2f at which it speaks.",
                    modelVersion.orElseThrow(),
                    modelScore,
                    MODEL_FINDING_FROM));
        }
        if (ordered.isEmpty() && modelScore == null) {
            reasons.add("No rule, detector or model found anything to look at.");
        }
        String selected =
                decision.kind() == Selection.Kind.NONE ? null : decision.kind().name();
        return new RiskAssessment(
                entry.entryNumber(),
                entry.version(),
                entry.center(),
                entry.importer(),
                entry.entryDate(),
                entry.trustedPartner(),
                score,
                modelScore,
                modelVersion.orElse(null),
                selected,
                reasons,
                tradeReasons(entry, ordered, decision),
                ordered,
                now);
    }

    private static String selectionReason(double score, Selection.Decision decision) {
        String figures = "score " + threeDecimals(score) + ", threshold "
                + (Double.isInfinite(decision.threshold())
                        ? (decision.threshold() > 0 ? "none left" : "none")
                        : threeDecimals(decision.threshold()))
                + ", capacity " + decision.capacity().itemsPerWeek() + " a week ("
                + decision.capacity().riskItems() + " for risk, "
                + decision.capacity().controlItems()
                + " for the control sample)";
        return switch (decision.kind()) {
            case RISK -> "Selected for review, " + decision.note() + " (" + figures + ").";
            case CONTROL ->
                "Selected for review at random, " + decision.note() + "; the score took no part (" + figures + ").";
            case NONE -> "Not selected: " + decision.note() + " (" + figures + ").";
        };
    }

    /**
     * A finite number with three decimals, rounded half up, exactly as {@code String.format("%.3f")} writes it but
     * without building a formatter for every assessment.
     */
    static String threeDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    private static String label(Finding finding) {
        return switch (finding.source()) {
            case RULE -> "Rule " + finding.code() + " v" + finding.version();
            case DETECTOR -> "Detector " + finding.code();
            case MODEL -> "Risk model v" + finding.version();
            case CONTROL -> "Control sample";
        };
    }

    /**
     * What the importer reads: whether a review is planned, and if it is for risk, the subjects it will look at, never
     * how they were found. Never empty.
     */
    private List<String> tradeReasons(EntryUnderReview entry, List<Finding> findings, Selection.Decision decision) {
        List<String> reasons = new ArrayList<>();
        String center = Optional.ofNullable(entry.center())
                .flatMap(code -> reference.center(CenterCode.of(code)))
                .map(c -> "the " + c.name() + " Center")
                .orElse("the Center that owns the account");
        switch (decision.kind()) {
            case RISK -> {
                reasons.add("This entry summary has been selected for a post-release review by " + center + ".");
                Set<String> subjects = new LinkedHashSet<>();
                findings.forEach(f -> subjects.add(f.tradeReason()));
                if (subjects.isEmpty()) {
                    reasons.add("The review will look at the entry summary as a whole.");
                }
                reasons.addAll(subjects);
            }
            case CONTROL ->
                reasons.add("This entry summary has been chosen at random for a quality-control review by " + center
                        + ". The choice says nothing about the entry summary or the importer.");
            case NONE -> reasons.add(Displacement.TRADE_REASON);
        }
        return reasons;
    }
}
