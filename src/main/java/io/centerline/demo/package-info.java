/**
 * Synthetic national data: a deterministic generator of realistic entry summaries with planted illicit patterns, and
 * the demo data set a first start loads through the ordinary intake path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.centerline.demo;
