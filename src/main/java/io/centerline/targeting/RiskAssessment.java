package io.centerline.targeting;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How targeting judged one entry summary version: its score from 0 to 1, whether it was selected for review (for its
 * risk or in the random control sample) and on what grounds, the findings with their own words, and the model version
 * that took part. The reasons a specialist and an importer read are worded from these facts by
 * {@link AssessmentWords}.
 *
 * @param selection {@code RISK}, {@code CONTROL} or {@code null} when not selected
 * @param grounds what decided the selection; null for an assessment scored before assessments kept them, which has
 *     {@code written} instead
 * @param written the reasons as they were written when an assessment was scored before assessments kept their
 *     grounds; null otherwise
 */
public record RiskAssessment(
        String entryNumber,
        int version,
        String center,
        String importerNumber,
        LocalDate entryDate,
        boolean trustedPartner,
        double score,
        Double modelScore,
        Integer modelVersion,
        String selection,
        Grounds grounds,
        List<Finding> findings,
        Instant scoredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Written written) {

    public RiskAssessment {
        findings = List.copyOf(findings);
        if ((grounds == null) == (written == null)) {
            throw new IllegalArgumentException(
                    "An assessment is either grounded or written, not " + grounds + " and " + written);
        }
    }

    public boolean selected() {
        return selection != null;
    }

    /** The same assessment no longer selected: its selection for risk went to a riskier summary of its week. */
    RiskAssessment displacedBy(EntryKey by, double byScore) {
        return with(null, grounds.displacedBy(by, byScore));
    }

    /**
     * The same assessment selected for risk on the ground given: it gave its control item to a lower draw and took a
     * risk item, as it would have on arrival, under the threshold and capacity of the decision that moved it.
     */
    RiskAssessment movedToRisk(SelectionGround ground, double threshold, Capacity capacity, Capacity.WeekItems items) {
        return with(
                Selection.Kind.RISK.name(),
                new RiskAssessment.Grounds(
                        ground, threshold, capacity.itemsPerWeek(), items.risk(), items.control(), null, null));
    }

    /**
     * The same assessment selected for risk on the ground given, having been turned away: on a risk item that fell
     * free, or in place of a lower ranked selection, under the threshold and capacity of the decision that gave it.
     */
    RiskAssessment promoted(SelectionGround ground, double threshold, Capacity capacity, Capacity.WeekItems items) {
        return with(
                Selection.Kind.RISK.name(),
                new RiskAssessment.Grounds(
                        ground, threshold, capacity.itemsPerWeek(), items.risk(), items.control(), null, null));
    }

    /**
     * The same assessment, turned away while its week held more than its items, turned away again on the ground given
     * once the week no longer did, under the threshold and capacity of that decision.
     */
    RiskAssessment decidedAgain(SelectionGround ground, double threshold, Capacity capacity, Capacity.WeekItems items) {
        return with(
                null,
                new RiskAssessment.Grounds(
                        ground, threshold, capacity.itemsPerWeek(), items.risk(), items.control(), null, null));
    }

    private RiskAssessment with(String newSelection, Grounds newGrounds) {
        return new RiskAssessment(
                entryNumber,
                version,
                center,
                importerNumber,
                entryDate,
                trustedPartner,
                score,
                modelScore,
                modelVersion,
                newSelection,
                newGrounds,
                findings,
                scoredAt,
                null);
    }

    /**
     * What decided the selection: its ground, the score threshold in force, and the week's capacity; and, once a
     * selection for risk has given its item to a riskier summary of the same Center and week, which one and its score.
     *
     * @param threshold the score at or above which the Center selected for risk; positive infinity when nothing was
     *     left to select, negative infinity when everything was (shown as null in JSON, which has no infinity: the
     *     ground and the reasons say which)
     */
    public record Grounds(
            SelectionGround ground,
            @JsonIgnore double threshold,
            int itemsPerWeek,
            int riskItems,
            int controlItems,
            EntryKey displacedBy,
            Double displacedByScore) {

        /** The grounds of a decision, with the items of its week: those for risk and for the control sample. */
        static Grounds of(Selection.Decision decision) {
            return new Grounds(
                    decision.ground(),
                    decision.threshold(),
                    decision.capacity().itemsPerWeek(),
                    decision.items().risk(),
                    decision.items().control(),
                    null,
                    null);
        }

        /** The threshold as the API shows it: null when it is infinite, or when none was compared (a correction). */
        @JsonProperty("threshold")
        public Double thresholdIfAny() {
            return Double.isInfinite(threshold) || Double.isNaN(threshold) ? null : threshold;
        }

        Grounds displacedBy(EntryKey by, double byScore) {
            return new Grounds(ground, threshold, itemsPerWeek, riskItems, controlItems, by, byScore);
        }
    }

    /** The reasons of an assessment scored before assessments kept their grounds, as they were written then. */
    public record Written(List<String> reasons, List<String> tradeReasons) {

        public Written {
            reasons = List.copyOf(reasons);
            tradeReasons = List.copyOf(tradeReasons);
        }
    }
}
