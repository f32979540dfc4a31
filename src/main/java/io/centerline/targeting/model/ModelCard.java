package io.centerline.targeting.model;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is known about a trained model, stored with it: the window and size of its training data, its features and
 * parameters, and how it did on a time-ordered hold-out (the latest lines, which a model trained on the earlier ones
 * scored without having seen their labels).
 *
 * @param holdOut the hold-out measurement, or {@code null} when there was too little data to keep some apart
 */
public record ModelCard(
        LocalDate trainedFrom,
        LocalDate trainedTo,
        int rows,
        int positives,
        String currency,
        List<String> features,
        ModelParameters parameters,
        HoldOut holdOut,
        double trainingSeconds) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ModelCard {
        features = List.copyOf(features);
    }

    /**
     * The hold-out measurement: a model fitted on the lines entered up to {@code trainedTo} scored the lines entered
     * from {@code from} to {@code to}.
     */
    public record HoldOut(LocalDate trainedTo, int trainingRows, LocalDate from, LocalDate to, Evaluation evaluation) {}

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static ModelCard fromJson(String json) {
        return JSON.readValue(json, ModelCard.class);
    }
}
