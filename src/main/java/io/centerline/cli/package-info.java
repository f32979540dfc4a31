/**
 * The command line of the Centerline jar: {@code serve}, {@code ingest}, {@code generate}, {@code bench},
 * {@code users} and {@code targeting}, each a thin driver over the modules' own APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package io.centerline.cli;
