package io.centerline.targeting.rules;

/**
 * How a rule version has fared in this process since it was loaded: line evaluations, entries it fired on, lines whose
 * outcome depended on an undeclared number, and evaluations that failed, with the last failure's message.
 */
public record RuleStatistics(long evaluations, long fired, long undetermined, long errors, String lastError) {

    public static final RuleStatistics NONE = new RuleStatistics(0, 0, 0, 0, null);
}
