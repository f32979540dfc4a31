/**
 * The clock set of every entry summary: liquidation deadline, scheduled liquidation, post-summary-correction cut-off
 * and, as the post-release work grows, every other statutory clock, each with the rule that set it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package io.centerline.deadlines;
