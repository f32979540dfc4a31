/**
 * The intake formats of entry summaries: streaming readers and writers for NDJSON, CSV and CATAIR AE fixed-width
 * files, all reading into {@link io.centerline.entries.SubmittedEntrySummary}.
 */
@org.springframework.modulith.NamedInterface("intake")
package io.centerline.entries.intake;
