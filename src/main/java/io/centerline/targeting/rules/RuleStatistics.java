package io.centerline.targeting.rules;

/**
 * How a rule version has fared in this process since it was loaded: line evaluations, entries it fired on, lines whose
 * outcome depended on an undeclared number, evaluations that failed (of them, those stopped for exceeding their
 * budget), the last failure's message, and whether it was suspended for exceeding its budget too often.
 */
public record RuleStatistics(
        long evaluations,
        long fired,
        long undetermined,
        long errors,
        long stopped,
        String lastError,
        boolean suspended) {

    public static final RuleStatistics NONE = new RuleStatistics(0, 0, 0, 0, 0, null, false);
}
