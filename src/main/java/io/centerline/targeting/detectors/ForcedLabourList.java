package io.centerline.targeting.detectors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of the forced-labour entity list, in force from its effective date until a later version takes over.
 * Versions are never changed: a new list replaces the whole list from its own date.
 */
public record ForcedLabourList(
        int version,
        LocalDate effectiveFrom,
        Instant loadedAt,
        String loadedBy,
        String note,
        List<ForcedLabourEntity> entities) {

    public ForcedLabourList {
        entities = List.copyOf(entities);
    }
}
