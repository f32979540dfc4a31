package io.centerline.entries;

import java.util.List;

/**
 * The entry summaries one intake transaction accepted, published once per transaction through the event publication
 * registry so that bulk intake writes one publication per listener for a whole chunk, not one per summary.
 */
public record EntrySummariesAccepted(List<EntrySummaryAccepted> summaries) {}
