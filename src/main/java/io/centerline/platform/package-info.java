/**
 * What every module stands on and none owns: the embedded PostgreSQL server and its configuration, the business
 * clock, bulk {@code COPY} into PostgreSQL, and the JSON and error conventions of the API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.centerline.platform;
