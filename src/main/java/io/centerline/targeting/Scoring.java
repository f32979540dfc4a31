package io.centerline.targeting;

import io.centerline.entries.EntrySummaryAccepted;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores every accepted entry summary version once: the rules in force, every detector and the active model give their
 * findings, the findings combine into one score, selection decides within the Center's capacity, and the assessment
 * is stored with the grounds of its selection and its findings, from which {@link AssessmentWords} words its reasons. {@link IntakeScoring} calls it for every chunk intake stores.
 */
@Component
public class Scoring {

    private static final Logger log = LoggerFactory.getLogger(Scoring.class);
    /** The model's probability from which it gives a finding of its own, explained by its main features. */
    static final double MODEL_FINDING_FROM = 0.5;

    private final StoredEntries stored;
    private final RiskAssessments assessments;
    private final Selection selection;
    private final List<Detector> detectors;
    private final ObjectProvider<RuleSource> rules;
    private final ObjectProvider<RiskModelSource> models;
    private final Clock clock;
    private final boolean modelEnabled;
    private final TransactionTemplate separately;

    Scoring(
            StoredEntries stored,
            RiskAssessments assessments,
            Selection selection,
            List<Detector> detectors,
            ObjectProvider<RuleSource> rules,
            ObjectProvider<RiskModelSource> models,
            Clock clock,
            PlatformTransactionManager transactions,
            @Value("${centerline.targeting.model.enabled:true}") boolean modelEnabled) {
        this.stored = stored;
        this.assessments = assessments;
        this.selection = selection;
        this.detectors = List.copyOf(detectors);
        this.rules = rules;
        this.models = models;
        this.clock = clock;
        this.modelEnabled = modelEnabled;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        LocalDate today = LocalDate.now(clock);
        List<RiskAssessment> results = new ArrayList<>(entries.size());
        Selection.Round round = round();
        Map<EntryKey, Integer> inRound = new HashMap<>();
        List<Displacement> displaced = new ArrayList<>();
        List<Displacement> displacedInRound = new ArrayList<>();
        List<Move> movedToRisk = new ArrayList<>();
        List<Move> movesAudited = new ArrayList<>();
        List<Promotion> promotions = new ArrayList<>();
        List<Promotion> promotionsAudited = new ArrayList<>();
        List<DecidedAgain> decidedAgain = new ArrayList<>();
        List<DecidedAgain> decidedAgainAudited = new ArrayList<>();
        Set<String> holding = assessments.holdingSelection(entries.stream()
                .filter(entry -> entry.version() > 1)
                .map(EntryUnderReview::entryNumber)
                .toList());
        int offset = 0;
        for (EntryUnderReview entry : entries) {
            List<Finding> findings = new ArrayList<>();
            if (ruleSource != null) {
                findings.addAll(ruleSource.evaluate(entry, today));
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
            // a correction of an entry whose earlier version holds an item is reviewed with it, and takes none
            Selection.Decision decision = holding.contains(entry.entryNumber())
                    ? selection.carried(entry.center(), entry.entryDate())
                    : entry.deemedLiquidated()
                            ? selection.liquidated(entry.center(), entry.entryDate())
                            : selection.decide(
                                    round, key, entry.center(), entry.entryDate(), score, entry.trustedPartner());
            if (decision.kind() != Selection.Kind.NONE) {
                holding.add(entry.entryNumber());
            }
            if (decision.moved() != null) {
                // drawn for control before, it gave its item to this lower draw and takes a risk item instead
                Selection.Moved moved = decision.moved();
                EntryKey moving = decision.displaced();
                Integer earlier = inRound.get(moving);
                Move move = new Move(
                        moving, moved.ground(), key, decision.threshold(), decision.capacity(), decision.items());
                if (earlier != null) {
                    results.set(
                            earlier,
                            results.get(earlier)
                                    .movedToRisk(
                                            moved.ground(),
                                            decision.threshold(),
                                            decision.capacity(),
                                            decision.items()));
                } else {
                    movedToRisk.add(move);
                }
                movesAudited.add(move);
                if (moved.displaced() != null) {
                    giveWay(
                            new Displacement(
                                    Selection.Kind.RISK,
                                    moved.displaced(),
                                    moved.displacedScore(),
                                    moving,
                                    decision.displacedScore()),
                            inRound,
                            results,
                            displacedInRound,
                            displaced,
                            promotions);
                }
            } else if (decision.displaced() != null) {
                Integer earlier = inRound.get(decision.displaced());
                Displacement displacement =
                        new Displacement(decision.kind(), decision.displaced(), decision.displacedScore(), key, score);
                if (earlier != null) {
                    // selected earlier in this round and not stored yet: stored as displaced
                    results.set(earlier, results.get(earlier).displacedBy(key, score));
                    displacedInRound.add(displacement);
                } else if (decision.displacedRound().isCommitted()) {
                    displace(displaced, promotions, displacement);
                } else {
                    // selected by a round another thread is storing: taken back once both rounds have committed
                    Selection.Round theirs = decision.displacedRound();
                    theirs.whenCommitted(() -> round.whenCommitted(() -> displaceSeparately(displacement)));
                }
            }
            for (Selection.Promoted promoted : decision.promoted()) {
                // turned away before, it takes a risk item this decision left free, or one in place of another
                Promotion promotion = new Promotion(
                        promoted.key(),
                        promoted.score(),
                        promoted.threshold(),
                        promoted.ground(),
                        decision.capacity(),
                        decision.items(),
                        key,
                        promoted.displaced());
                Integer earlier = inRound.get(promoted.key());
                if (earlier != null) {
                    results.set(
                            earlier,
                            results.get(earlier)
                                    .promoted(
                                            promoted.ground(),
                                            promoted.threshold(),
                                            decision.capacity(),
                                            decision.items()));
                } else {
                    // a stored selection given away earlier in this round and taken back now keeps its item
                    displaced.removeIf(displacement -> displacement.displaced().equals(promoted.key()));
                    promotions.add(promotion);
                }
                promotionsAudited.add(promotion);
                if (promoted.displaced() != null) {
                    giveWay(
                            new Displacement(
                                    Selection.Kind.RISK,
                                    promoted.displaced(),
                                    promoted.displacedScore(),
                                    promoted.key(),
                                    promoted.score()),
                            inRound,
                            results,
                            displacedInRound,
                            displaced,
                            promotions);
                }
            }
            for (Selection.TurnedAwayAgain again : decision.turnedAwayAgain()) {
                // turned away while the week held more than its items, it competed now and is turned away again
                DecidedAgain restated = new DecidedAgain(
                        again.key(), again.ground(), again.threshold(), decision.capacity(), decision.items());
                Integer earlier = inRound.get(again.key());
                if (earlier != null) {
                    results.set(
                            earlier,
                            results.get(earlier)
                                    .decidedAgain(
                                            again.ground(), again.threshold(), decision.capacity(), decision.items()));
                } else {
                    decidedAgain.add(restated);
                }
                decidedAgainAudited.add(restated);
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
        assessments.moveToRisk(movedToRisk);
        assessments.auditMoves(movesAudited);
        assessments.decideAgain(decidedAgain);
        assessments.auditDecidedAgain(decidedAgainAudited);
        assessments.promote(promotions);
        assessments.auditPromotions(promotionsAudited);
        assessments.audit(displacedInRound);
        assessments.displace(displaced);
        return results;
    }

    /**
     * A risk selection that gave its item to another summary as the round decided: one of this round, not stored yet,
     * is stored as displaced and the change audited; one stored is taken back at the end of the round.
     */
    private static void giveWay(
            Displacement taken,
            Map<EntryKey, Integer> inRound,
            List<RiskAssessment> results,
            List<Displacement> displacedInRound,
            List<Displacement> displaced,
            List<Promotion> promotions) {
        Integer held = inRound.get(taken.displaced());
        if (held != null) {
            results.set(held, results.get(held).displacedBy(taken.by(), taken.byScore()));
            displacedInRound.add(taken);
        } else {
            displace(displaced, promotions, taken);
        }
    }

    /**
     * Notes a stored selection to take back at the end of the round; one taken up earlier in the round from the
     * summaries its week had turned away is not taken up after all, so that the last decision of the round holds.
     */
    private static void displace(List<Displacement> displaced, List<Promotion> promotions, Displacement displacement) {
        promotions.removeIf(promotion -> promotion.promoted().equals(displacement.displaced()));
        displaced.add(displacement);
    }

    /**
     * Gives the risk items that a capacity raised while a Center's week runs frees in that week to the summaries it
     * turned away, the riskiest first, as far as they reach the threshold of the new capacity; answers how many took
     * one. Once the week holds no more than its items, those it turned away while it held more compete first, as they
     * would have on arrival, and may take the place of lower ranked selections. Audited as
     * {@code RISK_SELECTION_ON_FREED_ITEM}, {@code RISK_SELECTION_DISPLACED} and {@code OVER_CAPACITY_DECIDED_AGAIN}.
     */
    @Transactional
    public int fillFreedItems(String center) {
        Selection.Round round = round();
        Selection.Freed freed = selection.fillFreeItems(round, center, LocalDate.now(clock));
        List<Promotion> promotions = freed.promoted().stream()
                .map(promoted -> new Promotion(
                        promoted.key(),
                        promoted.score(),
                        promoted.threshold(),
                        promoted.ground(),
                        freed.capacity(),
                        freed.items(),
                        null,
                        promoted.displaced()))
                .toList();
        List<Displacement> displaced = freed.promoted().stream()
                .filter(promoted -> promoted.displaced() != null)
                .map(promoted -> new Displacement(
                        Selection.Kind.RISK,
                        promoted.displaced(),
                        promoted.displacedScore(),
                        promoted.key(),
                        promoted.score()))
                .toList();
        List<DecidedAgain> decidedAgain = freed.turnedAwayAgain().stream()
                .map(again -> new DecidedAgain(
                        again.key(), again.ground(), again.threshold(), freed.capacity(), freed.items()))
                .toList();
        assessments.decideAgain(decidedAgain);
        assessments.auditDecidedAgain(decidedAgain);
        assessments.promote(promotions);
        assessments.auditPromotions(promotions);
        assessments.displace(displaced);
        return promotions.size();
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

    /**
     * Takes back a selection in a transaction of its own, once it and the one that took its place are both stored. It
     * runs after a commit, where a failure can no longer undo anything: the selection then stays, its week holding one
     * more than its items, and the failure is logged.
     */
    private void displaceSeparately(Displacement displacement) {
        try {
            separately.executeWithoutResult(status -> assessments.displace(List.of(displacement)));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not take back the {} selection of {} v{}, which gave way to {} v{}",
                    displacement.kind(),
                    displacement.displaced().entryNumber(),
                    displacement.displaced().version(),
                    displacement.by().entryNumber(),
                    displacement.by().version(),
                    e);
        }
    }

    /**
     * A summary its week had turned away that takes a risk item on the ground given, under the threshold and capacity
     * of the decision that freed it: that of {@code by}, or of a change of capacity when {@code by} is null. One turned
     * away while the week held more than its items may take the item of the lower ranked selection {@code inPlaceOf}.
     */
    record Promotion(
            EntryKey promoted,
            double score,
            double threshold,
            SelectionGround ground,
            Capacity capacity,
            Capacity.WeekItems items,
            EntryKey by,
            EntryKey inPlaceOf) {}

    /**
     * A summary turned away while its week held more selections than its items, that competed once the week no longer
     * did and was turned away again: on the ground given, under the threshold and capacity of that decision.
     */
    record DecidedAgain(
            EntryKey key, SelectionGround ground, double threshold, Capacity capacity, Capacity.WeekItems items) {}

    /**
     * A control selection that gave its item to the lower draw {@code by} and took a risk item on the ground given,
     * under the threshold and capacity of the decision that moved it.
     */
    record Move(
            EntryKey moving,
            SelectionGround ground,
            EntryKey by,
            double threshold,
            Capacity capacity,
            Capacity.WeekItems items) {}

    /**
     * A selection that gave way to another summary of the same Center-week: for risk, to a higher ranked one; for the
     * control sample, to one drawn lower.
     */
    record Displacement(Selection.Kind kind, EntryKey displaced, double displacedScore, EntryKey by, double byScore) {}

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

    private static RiskAssessment assessment(
            EntryUnderReview entry,
            double score,
            Double modelScore,
            Optional<Integer> modelVersion,
            List<Finding> findings,
            Selection.Decision decision,
            Instant now) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort((a, b) -> Double.compare(b.strength(), a.strength()));
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
                RiskAssessment.Grounds.of(decision),
                ordered,
                now,
                null);
    }
}
