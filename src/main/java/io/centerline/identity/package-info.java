/**
 * Users, roles and the append-only audit log. Every state change in Centerline names its actor and lands in the audit
 * log in the same transaction as the change itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and audit")
package io.centerline.identity;
