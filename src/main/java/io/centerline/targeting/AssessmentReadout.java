package io.centerline.targeting;

import io.centerline.entries.EntrySummaryView;
import io.centerline.entries.RiskReadout;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the entry summary read-back its risk: the specialist's reasons to CBP staff, the trade's to the trade. */
@Component
class AssessmentReadout implements RiskReadout {

    private final RiskAssessments assessments;
    private final AssessmentWords words;

    AssessmentReadout(RiskAssessments assessments, AssessmentWords words) {
        this.assessments = assessments;
        this.words = words;
    }

    @Override
    public Optional<EntrySummaryView.Risk> riskOf(String entryNumber, int version, Audience audience) {
        return assessments
                .find(new EntryKey(entryNumber, version))
                .map(a -> new EntrySummaryView.Risk(
                        "SCORED",
                        a.score(),
                        a.selected(),
                        a.selection(),
                        audience == Audience.CBP ? words.reasons(a) : words.tradeReasons(a),
                        a.modelVersion()));
    }
}
