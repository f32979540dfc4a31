package io.centerline.demo.generator;

import java.time.LocalDate;

/**
 * What to generate: how many entry summaries, from which seed, and the window their entry dates fall in. The same
 * settings always yield the same summaries.
 */
public record GeneratorSettings(int entries, long seed, LocalDate firstEntryDate, LocalDate lastEntryDate) {

    public GeneratorSettings {
        if (entries < 0) {
            throw new IllegalArgumentException("The number of entries cannot be negative, not " + entries);
        }
        if (firstEntryDate == null || lastEntryDate == null || lastEntryDate.isBefore(firstEntryDate)) {
            throw new IllegalArgumentException(
                    "The entry-date window must run forward, not " + firstEntryDate + " to " + lastEntryDate);
        }
    }

    /** Entry dates spread over the 18 months that end 5 days before the business date. */
    public static GeneratorSettings of(int entries, long seed, LocalDate businessDate) {
        LocalDate last = businessDate.minusDays(5);
        return new GeneratorSettings(entries, seed, last.minusMonths(18).plusDays(1), last);
    }
}
