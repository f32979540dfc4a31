package io.centerline.accounts;

import io.centerline.reference.CenterCode;

/** The account an importer's entry summaries land on, and the Center that works it. */
public record Routing(long accountId, CenterCode center) {}
