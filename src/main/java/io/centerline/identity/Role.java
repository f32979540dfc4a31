package io.centerline.identity;

/** What a user may do; scoping by Center, account, port and agency comes with the full login. */
public enum Role {
    /** Administers users, reference data and effective-dated parameters. */
    ADMIN,
    /** A filer or intake gateway: submits entry summaries and reads back what it submitted. */
    FILER,
    /** An import or entry specialist of a Center: reviews entry summaries and records their outcomes. */
    SPECIALIST,
    /** A targeter or national targeting analyst: rules, detectors, models, selection capacity and effectiveness. */
    TARGETER,
    /** A Center account manager: manages accounts, trusted-partner status and Center assignment. */
    ACCOUNT_MANAGER,
    /** A Center director or supervisor: everything an account manager may do, for the Center. */
    SUPERVISOR
}
