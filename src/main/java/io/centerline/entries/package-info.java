/**
 * Entry summaries and their lines: intake in JSON, CSV, NDJSON and CATAIR AE fixed-width form, validation as named
 * policies, duty and fee computation, idempotent storage and the version history that post-summary corrections add.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entry summaries")
package io.centerline.entries;
