/**
 * Importer accounts: importer-of-record numbers, the Center each account is assigned to by the predominant HTS
 * headings of its trailing trade (with the basis kept, re-assessed as the mix changes, and overridable with a written
 * reason), and trusted-partner status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Importer accounts")
package io.centerline.accounts;
