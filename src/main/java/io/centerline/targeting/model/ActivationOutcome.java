package io.centerline.targeting.model;

/** What a request to activate a model version came to. */
public sealed interface ActivationOutcome {

    /** The version is now the active one; {@code previous} was active before (null when none was). */
    record Activated(ModelVersion version, Integer previous) implements ActivationOutcome {}

    /** The version is the active one already; nothing changed. */
    record AlreadyActive(ModelVersion version) implements ActivationOutcome {}

    /** No such version is stored. */
    record Unknown(int version) implements ActivationOutcome {}
}
