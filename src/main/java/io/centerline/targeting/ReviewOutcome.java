package io.centerline.targeting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the review of an entry summary version found, in structured form.
 *
 * @param revenueDifference the duties, taxes and fees the review found owing (negative when it found too much paid)
 */
public record ReviewOutcome(
        String entryNumber,
        int version,
        Outcome outcome,
        BigDecimal revenueDifference,
        String reviewer,
        String note,
        LocalDate reviewedOn,
        Instant recordedAt) {}
