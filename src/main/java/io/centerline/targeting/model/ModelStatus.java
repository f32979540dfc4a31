package io.centerline.targeting.model;

/** Where a stored model version stands; exactly one version is active once any has been activated. */
public enum ModelStatus {
    /** Trained and stored, never active yet. */
    TRAINED,
    /** The version scoring uses. */
    ACTIVE,
    /** Was active and has been replaced; can be activated again (a rollback). */
    RETIRED;

    /** The status after activation; refused for the version already active. */
    public ModelStatus activate() {
        if (this == ACTIVE) {
            throw new IllegalStateException("The model version is already ACTIVE");
        }
        return ACTIVE;
    }

    /** The status after another version was activated; only the active version retires. */
    public ModelStatus retire() {
        if (this != ACTIVE) {
            throw new IllegalStateException("Only the ACTIVE model version can retire, not a " + this + " one");
        }
        return RETIRED;
    }
}
