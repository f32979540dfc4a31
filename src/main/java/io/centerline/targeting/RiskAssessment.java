package io.centerline.targeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How targeting judged one entry summary version: its score from 0 to 1, whether it was selected for review (for its
 * risk or in the random control sample), the reasons in a specialist's words and in the importer's, and the model
 * version that took part.
 *
 * @param selection {@code RISK}, {@code CONTROL} or {@code null} when not selected
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
        List<String> reasons,
        List<String> tradeReasons,
        List<Finding> findings,
        Instant scoredAt) {

    public RiskAssessment {
        reasons = List.copyOf(reasons);
        tradeReasons = List.copyOf(tradeReasons);
        findings = List.copyOf(findings);
        if (tradeReasons.isEmpty()) {
            throw new IllegalArgumentException("An assessment always tells the importer something");
        }
    }

    public boolean selected() {
        return selection != null;
    }
}
