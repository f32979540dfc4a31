package io.centerline.targeting;

/**
 * One reason to look at an entry summary: a rule that fired, a detector's finding or the model's view, with the
 * words a specialist reads and the words the importer reads.
 *
 * @param code the stable code of what found it: a rule's code, a detector's code, {@code model} or {@code control}
 * @param version the version of the rule or model that found it (1 for detectors)
 * @param lineNumber the line it concerns, or {@code null} for the whole entry summary
 * @param reason the specialist's reason, with the figures behind it
 * @param tradeReason the importer's reason: what is being looked at, never how it was found; never blank
 * @param strength how strongly it argues for review, from 0 (not at all) to 1 (review for certain)
 */
public record Finding(
        Source source,
        String code,
        int version,
        Integer lineNumber,
        String reason,
        String tradeReason,
        double strength) {

    /** Where a finding comes from. */
    public enum Source {
        RULE,
        DETECTOR,
        MODEL,
        CONTROL
    }

    public Finding {
        if (reason == null || reason.isBlank() || tradeReason == null || tradeReason.isBlank()) {
            throw new IllegalArgumentException("A finding of " + code + " needs a reason and a trade reason");
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("A finding's strength lies in [0, 1], not " + strength);
        }
    }
}
