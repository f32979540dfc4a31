package io.centerline.targeting.model;

import java.time.Instant;

/**
 * A stored model version as the registry lists it: who trained it and when, its status, when it was last activated,
 * and its card.
 */
public record ModelVersion(
        int version,
        Instant trainedAt,
        String trainedBy,
        ModelStatus status,
        Instant activatedAt,
        String activatedBy,
        ModelCard card) {}
