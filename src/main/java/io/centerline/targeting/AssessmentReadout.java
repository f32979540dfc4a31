package io.centerline.targeting;

import io.centerline.entries.EntrySummaryView;
import io.centerline.entries.RiskReadout;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Gives the entry summary read-back its risk: the specialist's reasons to CBP staff, the trade's to the trade.
 *
 * <p>A version is assessed on its own, but a review is of the entry: a version that is not selected itself reads as
 * reviewed when it or an earlier version has a review outcome, and otherwise carries the selection of the latest
 * earlier version that holds one (a post-summary correction of a selected entry stays under review). It never reads
 * that no review is planned while one took place or goes on. A selected version whose own review outcome is recorded
 * reads as reviewed too, never as a review still to come.
 */
@Component
class AssessmentReadout implements RiskReadout {

    private final RiskAssessments assessments;
    private final Outcomes outcomes;
    private final AssessmentWords words;

    AssessmentReadout(RiskAssessments assessments, Outcomes outcomes, AssessmentWords words) {
        this.assessments = assessments;
        this.outcomes = outcomes;
        this.words = words;
    }

    @Override
    public Optional<EntrySummaryView.Risk> riskOf(String entryNumber, int version, Audience audience) {
        return assessments.find(new EntryKey(entryNumber, version)).map(a -> risk(a, audience));
    }

    private EntrySummaryView.Risk risk(RiskAssessment a, Audience audience) {
        EntryKey key = new EntryKey(a.entryNumber(), a.version());
        if (a.selection() != null) {
            // a selection whose review is recorded reads as reviewed, as any reviewed version does
            Optional<ReviewOutcome> outcome = outcomes.find(key);
            if (outcome.isPresent()) {
                return view(
                        a,
                        true,
                        a.selection(),
                        audience == Audience.CBP
                                ? words.reviewedReasons(a, outcome.get())
                                : words.reviewedTradeReasons(a, outcome.get(), a),
                        audience);
            }
        } else {
            Optional<ReviewOutcome> outcome = outcomes.latestUpTo(key);
            if (outcome.isPresent()) {
                return view(
                        a,
                        false,
                        null,
                        audience == Audience.CBP
                                ? words.reviewedReasons(a, outcome.get())
                                : words.reviewedTradeReasons(a, outcome.get(), reviewing(a, outcome.get())),
                        audience);
            }
            Optional<RiskAssessment> holding = assessments.selectedBefore(key);
            if (holding.isPresent()) {
                return view(
                        a,
                        true,
                        holding.get().selection(),
                        audience == Audience.CBP
                                ? words.carriedReasons(a, holding.get())
                                : words.carriedTradeReasons(holding.get()),
                        audience);
            }
        }
        return view(
                a,
                a.selected(),
                a.selection(),
                audience == Audience.CBP ? words.reasons(a) : words.tradeReasons(a),
                audience);
    }

    /**
     * The assessment whose Center reviewed the entry, as an outcome says: that of the version holding the review item the
     * outcome ended (the latest selected up to the version reviewed), or of the version reviewed when none was selected.
     */
    private RiskAssessment reviewing(RiskAssessment read, ReviewOutcome outcome) {
        EntryKey reviewed = new EntryKey(outcome.entryNumber(), outcome.version());
        return assessments
                .selectedUpTo(reviewed)
                .or(() -> assessments.find(reviewed))
                .orElse(read);
    }

    /**
     * The risk as its audience reads it. The trade reads whether its summary is selected and why, in the words written
     * for it; the score, whether the selection is for risk or for the control sample, and the model version are CBP's:
     * a score to three decimals, read back for summaries that differ in one field, would show a filer where a rule's
     * threshold lies.
     */
    private static EntrySummaryView.Risk view(
            RiskAssessment a, boolean selected, String selection, List<String> reasons, Audience audience) {
        return audience == Audience.CBP
                ? new EntrySummaryView.Risk("SCORED", a.score(), selected, selection, reasons, a.modelVersion())
                : new EntrySummaryView.Risk("SCORED", null, selected, null, reasons, null);
    }
}
