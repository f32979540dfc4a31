package io.centerline.targeting.model;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service trains risk models: the window of review outcomes it learns from and any booster setting that
 * differs from the tuned defaults ({@code centerline.targeting.model.*}).
 *
 * @param trainingWindowDays how many days of reviewed entries, back from the business date, a training reads
 */
@ConfigurationProperties("centerline.targeting.model")
public record ModelSettings(
        Integer trainingWindowDays, Integer trees, Integer maxDepth, Double learningRate, Integer threads) {

    public int windowDays() {
        return trainingWindowDays == null ? 730 : trainingWindowDays;
    }

    public ModelParameters parameters() {
        ModelParameters d = ModelParameters.defaults();
        return new ModelParameters(
                trees == null ? d.trees() : trees,
                maxDepth == null ? d.maxDepth() : maxDepth,
                learningRate == null ? d.learningRate() : learningRate,
                d.subsample(),
                d.columnSample(),
                d.minChildWeight(),
                threads == null ? d.threads() : threads,
                d.seed(),
                d.holdOutShare());
    }
}
