package io.centerline.targeting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.centerline.reference.CenterCode;
import io.centerline.reference.ReferenceData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Words a risk assessment for its two readers, from the facts it keeps: the specialist reads why it was selected or not
 * with the figures that decided it, then every finding with the rule, detector or model behind it; the importer reads
 * whether a review is planned and, for a selection for risk, the subjects it will look at, never how they were found.
 * An assessment scored before assessments kept their grounds is read as it was written then.
 */
@Component
public class AssessmentWords {

    static final String NOTHING_PLANNED = "No review of this entry summary is planned; it was accepted as filed.";

    /** How the specialist reads a finding of strength 0, which a rule may have: it adds nothing to the score. */
    static final String WITHOUT_WEIGHT = ", without weight (strength 0: it adds nothing to the score)";

    private final ReferenceData reference;

    AssessmentWords(ReferenceData reference) {
        this.reference = reference;
    }

    /** An assessment with its reasons in words, as the API shows it: its facts, then the words made of them. */
    public record Worded(@JsonUnwrapped RiskAssessment assessment, List<String> reasons, List<String> tradeReasons) {}

    public Worded worded(RiskAssessment a) {
        return new Worded(a, reasons(a), tradeReasons(a));
    }

    /**
     * The specialist's reasons: the selection's first, then the findings, strongest first, each naming what found it
     * and the line it is on.
     */
    public List<String> reasons(RiskAssessment a) {
        if (a.written() != null) {
            return a.written().reasons();
        }
        List<String> reasons = new ArrayList<>(a.findings().size() + 2);
        reasons.add(selectionReason(a));
        boolean modelSpoke = false;
        for (Finding finding : a.findings()) {
            reasons.add(label(finding) + (weighs(finding) ? "" : WITHOUT_WEIGHT) + ": " + finding.reason());
            modelSpoke |= finding.source() == Finding.Source.MODEL;
        }
        if (a.modelScore() != null && !modelSpoke) {
            reasons.add("Risk model v" + a.modelVersion() + ": probability of a finding "
                    + decimals(a.modelScore(), 2) + ", below the " + decimals(Scoring.MODEL_FINDING_FROM, 2)
                    + " at which it speaks.");
        }
        if (a.findings().isEmpty() && a.modelScore() == null) {
            reasons.add("No rule, detector or model found anything to look at.");
        }
        return reasons;
    }

    /**
     * What the importer reads. Never empty. A selection for risk names the subjects its findings word for the trade,
     * those that added to the score (a finding of strength 0 names none), or the entry summary as a whole.
     */
    public List<String> tradeReasons(RiskAssessment a) {
        if (a.written() != null) {
            return a.written().tradeReasons();
        }
        if (a.selection() == null) {
            return List.of(NOTHING_PLANNED);
        }
        String center = centerOf(a);
        if (a.selection().equals(Selection.Kind.CONTROL.name())) {
            return List.of("This entry summary has been chosen at random for a quality-control review by " + center
                    + ". The choice says nothing about the entry summary or the importer.");
        }
        List<String> reasons = new ArrayList<>();
        reasons.add("This entry summary has been selected for a post-release review by " + center + ".");
        Set<String> subjects = new LinkedHashSet<>();
        a.findings().stream().filter(AssessmentWords::weighs).forEach(f -> subjects.add(f.tradeReason()));
        if (subjects.isEmpty()) {
            reasons.add("The review will look at the entry summary as a whole.");
        }
        reasons.addAll(subjects);
        return reasons;
    }

    /**
     * What the importer reads of a later version (a post-summary correction) not selected itself, while an earlier
     * version of the entry keeps its selection: the review goes on, and what it will look at.
     */
    public List<String> carriedTradeReasons(RiskAssessment holding) {
        List<String> earlier = tradeReasons(holding);
        List<String> reasons = new ArrayList<>();
        reasons.add(earlier.get(0)
                        .replaceFirst("^This entry summary", "Version " + holding.version() + " of this entry summary")
                + " The review goes on with this correction.");
        reasons.addAll(earlier.subList(1, earlier.size()));
        return reasons;
    }

    /** The specialist's reasons of such a version: that the earlier version holds the item, then its own. */
    public List<String> carriedReasons(RiskAssessment own, RiskAssessment holding) {
        List<String> reasons = new ArrayList<>();
        reasons.add("Version " + holding.version() + " of this entry holds a review item "
                + (Selection.Kind.CONTROL.name().equals(holding.selection()) ? "for the control sample" : "for risk")
                + "; the review goes on with this version, which took no item of its own. This version as scored:");
        reasons.addAll(reasons(own));
        return reasons;
    }

    /**
     * What the importer reads of a version when this or an earlier version of the entry has been reviewed: that the
     * review took place, never that none is planned, by the Center of {@code reviewing}, the version whose review item
     * the outcome ended (an entry's account, and so the Center of a later version, may have moved since).
     */
    public List<String> reviewedTradeReasons(RiskAssessment own, ReviewOutcome outcome, RiskAssessment reviewing) {
        return List.of(
                outcome.version() == own.version()
                        ? "This entry summary has been reviewed by " + centerOf(reviewing) + "."
                        : "Version " + outcome.version() + " of this entry summary has been reviewed by "
                                + centerOf(reviewing) + "; this correction was accepted as filed.");
    }

    /** The specialist's reasons of such a version: the outcome recorded, then its own. */
    public List<String> reviewedReasons(RiskAssessment own, ReviewOutcome outcome) {
        List<String> reasons = new ArrayList<>();
        reasons.add("Reviewed: outcome " + outcome.outcome() + " recorded for version " + outcome.version() + " on "
                + outcome.reviewedOn() + ". This version as scored:");
        reasons.addAll(reasons(own));
        return reasons;
    }

    /** The Center that reviews an assessed summary, as the importer reads it. */
    private String centerOf(RiskAssessment a) {
        return Optional.ofNullable(a.center())
                .flatMap(code -> reference.center(CenterCode.of(code)))
                .map(c -> "the " + c.name() + " Center")
                .orElse("the Center that owns the account");
    }

    private static String selectionReason(RiskAssessment a) {
        RiskAssessment.Grounds g = a.grounds();
        if (g.displacedBy() != null) {
            return g.ground().controlDraw()
                    ? controlDisplacedReason(g.displacedBy())
                    : displacedReason(a.score(), a.trustedPartner(), g.displacedBy(), g.displacedByScore());
        }
        String figures = "score " + score(a.score())
                + (Double.isNaN(g.threshold())
                        ? ""
                        : ", threshold "
                                + (Double.isInfinite(g.threshold())
                                        ? (g.threshold() > 0 ? "none left" : "none")
                                        : score(g.threshold())))
                + ", " + capacity(g.itemsPerWeek(), g.riskItems(), g.controlItems());
        String ground = g.ground().words(g.riskItems(), a.trustedPartner());
        if (a.selection() == null) {
            return "Not selected: " + ground + " (" + figures + ").";
        }
        return a.selection().equals(Selection.Kind.CONTROL.name())
                ? "Selected for review at random, " + ground + "; the score took no part (" + figures + ")."
                : "Selected for review, " + ground + " (" + figures + ").";
    }

    /**
     * A week's capacity with its items. A week without a control item says why: the control share of a capacity this
     * small comes to less than one item a week, which the sample takes in some weeks and not in this one.
     */
    static String capacity(int itemsPerWeek, int riskItems, int controlItems) {
        if (controlItems > 0 || itemsPerWeek == 0) {
            return "capacity " + itemsPerWeek + " a week (" + riskItems + " for risk, " + controlItems
                    + " for the control sample)";
        }
        return "capacity " + itemsPerWeek + " a week (" + riskItems + " for risk and none for the control sample this"
                + " week: its share of a capacity this small comes to less than one item a week, taken in some weeks"
                + " only)";
    }

    /**
     * The first reason of a selection for risk that gave its item to a summary of its Center and week that ranked above
     * it: a riskier one, or for a trusted partner's selection, possibly one no riskier that ranked above it at the
     * trusted partners' reduced share (decision record 0017).
     */
    static String displacedReason(double score, boolean trustedPartner, EntryKey by, double byScore) {
        // as many decimals as tell the two scores apart, from three up to nine
        int places = 3;
        while (places < 9 && decimals(score, places).equals(decimals(byScore, places))) {
            places++;
        }
        String scores = "(score " + decimals(score, places) + " against " + decimals(byScore, places) + ").";
        String taker = "Not selected: it gave its risk review item to " + by.entryNumber() + " v" + by.version();
        if (trustedPartner && byScore <= score) {
            return taker + " of the same Center and week, which ranked above it: a trusted partner's summary competes"
                    + " for risk review items as if its score were lower, so that trusted partners are selected at the"
                    + " Center's reduced share " + scores;
        }
        return taker + ", riskier and of the same Center and week " + scores;
    }

    /**
     * The first reason of a control selection that gave its item to a summary of its Center and week drawn lower: the
     * week's control items go to its lowest draws, whenever they arrive.
     */
    static String controlDisplacedReason(EntryKey by) {
        return "Not selected: drawn for the random control sample, it gave its control review item to "
                + by.entryNumber() + " v" + by.version() + " of the same Center and week, which the random draw put"
                + " first; the week's control items go to the summaries the draw puts first, whenever they arrive, so"
                + " that each summary of the week has the same chance.";
    }

    /**
     * Whether a finding added to the score: one of strength 0 did not, and gives the importer no subject of review, since
     * the review was not planned on its account.
     */
    private static boolean weighs(Finding finding) {
        return finding.strength() > 0;
    }

    /**
     * What found a finding, and the line it is on when it is on one: {@code Detector adcvd-scope on line 2}, so that the
     * findings of two lines alike read apart.
     */
    static String label(Finding finding) {
        String source = switch (finding.source()) {
            case RULE -> "Rule " + finding.code() + " v" + finding.version();
            case DETECTOR -> "Detector " + finding.code();
            case MODEL -> "Risk model v" + finding.version();
            case CONTROL -> "Control sample";
        };
        return finding.lineNumber() == null ? source : source + " on line " + finding.lineNumber();
    }

    /**
     * A score or threshold with three decimals, or up to six when fewer would round a value below one up to one: a
     * score of 0.9999 is not written "1.000".
     */
    static String score(double value) {
        int places = 3;
        while (places < 6 && value < 1 && decimals(value, places).startsWith("1.")) {
            places++;
        }
        return decimals(value, places);
    }

    /** A finite number with so many decimals, rounded half up, exactly as {@code String.format("%.3f")} writes it. */
    static String decimals(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
