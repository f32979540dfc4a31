package io.centerline.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.centerline.targeting.rules.RuleChange;
import io.centerline.targeting.rules.RuleDraft;
import io.centerline.targeting.rules.Rules;

/** Rules that find every line of one importer's entries as risky as a strength says, for tests of selection. */
final class ImporterRules {

    private ImporterRules() {}

    /** Stores a rule under the code that finds every line of the importer's entries with the strength. */
    static void store(Rules rules, String code, String importer, double strength) {
        store(rules, code, importer, null, strength);
    }

    /**
     * Stores a rule under the code that finds, with the strength, the lines of the importer's entries for which the
     * condition holds (a CEL expression over the fields of a line and its entry; every line when it is null).
     */
    static void store(Rules rules, String code, String importer, String condition, double strength) {
        RuleChange change = rules.create(
                new RuleDraft(
                        code,
                        "Entries of importer " + importer,
                        null,
                        null,
                        "entry.importer == \"" + importer + "\"" + (condition == null ? "" : " && (" + condition + ")"),
                        "importer {entry.importer}",
                        "The entry summary is being checked.",
                        strength,
                        null,
                        null),
                "targeter");
        assertThat(change).as("the rule is saved").isInstanceOf(RuleChange.Saved.class);
    }
}
