package io.centerline.demo.generator;

import io.centerline.entries.SubmittedEntrySummary;
import java.util.List;

/** A generated entry summary with the illicit patterns planted in it; most entries carry none. */
public record GeneratedEntry(SubmittedEntrySummary summary, List<PlantedPattern> patterns) {

    public GeneratedEntry {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }

    public boolean isPlanted() {
        return !patterns.isEmpty();
    }
}
