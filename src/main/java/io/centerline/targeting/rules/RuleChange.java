package io.centerline.targeting.rules;

import java.util.List;

/** The outcome of creating, versioning, retiring or resuming a rule. */
public sealed interface RuleChange {

    /** The change was stored; the rule version as it now stands. */
    record Saved(Rule rule) implements RuleChange {}

    /** The change was refused, with every problem found. */
    record Refused(List<RuleProblem> problems) implements RuleChange {}

    /** A rule with this code exists already: a change is a new version of it. */
    record AlreadyExists(RuleCode code) implements RuleChange {}

    /** The rule version is not suspended: there is nothing to resume. */
    record NotSuspended(RuleCode code, int version) implements RuleChange {}

    /**
     * No rule has this code (or no such version of it): {@code code} names what was asked for as a message shows it,
     * the code cut as {@link io.centerline.platform.Shown} cuts a value sent.
     */
    record NotFound(String code) implements RuleChange {}
}
