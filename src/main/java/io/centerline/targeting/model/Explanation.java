package io.centerline.targeting.model;

import java.util.List;

/**
 * Why the model scored a line as it did: the features that pushed its score up most, each in words, and the two
 * readings of them, the specialist's (with the figures) and the importer's (the subjects only).
 */
public record Explanation(double probability, List<Contribution> contributions, String reason, String tradeReason) {

    public Explanation {
        contributions = List.copyOf(contributions);
    }

    /**
     * One feature's push on the score.
     *
     * @param weight its contribution to the log-odds of a finding (XGBoost's SHAP value)
     */
    public record Contribution(String feature, Subject subject, String words, double weight) {}
}
