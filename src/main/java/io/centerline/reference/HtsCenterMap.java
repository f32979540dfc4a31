package io.centerline.reference;

import io.centerline.platform.Shown;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One version of the HTS-heading-to-Center map: a complete set of heading ranges in force from a date until a later
 * version takes over. Ranges never overlap.
 *
 * @param withdrawal who withdrew the version before it took effect, when and why; {@code null} for a version that
 *     routes entries
 */
public record HtsCenterMap(
        int version,
        LocalDate effectiveFrom,
        Instant loadedAt,
        String loadedBy,
        String note,
        List<HtsCenterRange> ranges,
        Withdrawal withdrawal) {

    /** A version withdrawn before its effective date: it stays on file and routes nothing. */
    public record Withdrawal(Instant at, String by, String reason) {}

    /** The version as the trade reads it: without the user names of CBP's staff who loaded or withdrew it. */
    public HtsCenterMap withoutStaffNames() {
        return new HtsCenterMap(
                version,
                effectiveFrom,
                loadedAt,
                null,
                note,
                ranges,
                withdrawal == null ? null : new Withdrawal(withdrawal.at(), null, withdrawal.reason()));
    }

    public HtsCenterMap {
        ranges = ranges.stream()
                .sorted(Comparator.comparing(HtsCenterRange::headingFrom))
                .toList();
        List<String> overlaps = overlapsIn(ranges);
        if (!overlaps.isEmpty()) {
            throw new IllegalArgumentException("Heading ranges overlap: " + Shown.some(overlaps));
        }
    }

    public Optional<CenterCode> centerFor(String heading) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            HtsCenterRange range = ranges.get(middle);
            if (heading.compareTo(range.headingFrom()) < 0) {
                high = middle - 1;
            } else if (heading.compareTo(range.headingTo()) > 0) {
                low = middle + 1;
            } else {
                return Optional.of(range.center());
            }
        }
        return Optional.empty();
    }

    /**
     * The runs of headings, as "9101-9799", that an earlier map gives a Center and this one does not. A run counts
     * only headings that can exist: 01 to 99 within a chapter of 01 to 97 ({@code NN00} is none).
     */
    public List<String> uncoveredFrom(HtsCenterMap earlier) {
        List<String> runs = new ArrayList<>();
        String runStart = null;
        String runEnd = null;
        for (int chapter = 1; chapter <= 97; chapter++) {
            for (int within = 1; within <= 99; within++) {
                String heading = String.format(Locale.ROOT, "%02d%02d", chapter, within);
                boolean lost = earlier.centerFor(heading).isPresent()
                        && centerFor(heading).isEmpty();
                if (lost) {
                    runStart = runStart == null ? heading : runStart;
                    runEnd = heading;
                } else if (runStart != null) {
                    runs.add(runStart + "-" + runEnd);
                    runStart = null;
                }
            }
        }
        if (runStart != null) {
            runs.add(runStart + "-" + runEnd);
        }
        return runs;
    }

    static List<String> overlapsIn(List<HtsCenterRange> sorted) {
        List<String> overlaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            HtsCenterRange previous = sorted.get(i - 1);
            HtsCenterRange next = sorted.get(i);
            if (next.headingFrom().compareTo(previous.headingTo()) <= 0) {
                overlaps.add(previous.headingFrom() + "-" + previous.headingTo() + " and " + next.headingFrom() + "-"
                        + next.headingTo());
            }
        }
        return overlaps;
    }
}
