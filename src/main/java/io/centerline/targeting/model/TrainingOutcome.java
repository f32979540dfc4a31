package io.centerline.targeting.model;

/** What a request to train a new model version came to. */
public sealed interface TrainingOutcome {

    /** A new version was trained and stored; {@code activated} when it became active because none was. */
    record Trained(ModelVersion version, boolean activated) implements TrainingOutcome {}

    /** Another training is running; this one did not start. */
    record AlreadyRunning() implements TrainingOutcome {}

    /** There are not enough review outcomes to learn from, and why. */
    record NotEnoughData(String reason) implements TrainingOutcome {}
}
