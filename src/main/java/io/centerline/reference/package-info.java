/**
 * Reference data: the ten Centers, the effective-dated HTS-heading-to-Center map, ports of entry, countries, entry
 * types, fee schedules by fiscal year, statutory periods and AD/CVD orders. Everything here is data with an effective date, never a
 * constant in code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data")
package io.centerline.reference;
