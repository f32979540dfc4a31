/** Demonstration data: synthetic entry summaries that look like a real importing population. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.centerline.demo;
