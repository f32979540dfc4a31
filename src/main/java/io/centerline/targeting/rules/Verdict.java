package io.centerline.targeting.rules;

/**
 * What one evaluation of a rule on one line came to.
 *
 * @param error what went wrong, for {@link Kind#ERROR} and {@link Kind#STOPPED} only
 * @param onTime whether a {@link Kind#STOPPED} evaluation was stopped for its processor time rather than its steps:
 *     the one depends on the machine and the moment as well, the other on the rule and the line alone
 */
public record Verdict(Kind kind, String error, boolean onTime) {

    static final Verdict FIRED = new Verdict(Kind.FIRED, null, false);
    static final Verdict NOT_FIRED = new Verdict(Kind.NOT_FIRED, null, false);
    static final Verdict UNDETERMINED = new Verdict(Kind.UNDETERMINED, null, false);

    /** The possible outcomes. */
    public enum Kind {
        /** The expression was true: the rule fires on the line. */
        FIRED,
        /** The expression was false. */
        NOT_FIRED,
        /** The outcome depended on a number the line does not declare: the rule does not fire. */
        UNDETERMINED,
        /** The evaluation failed (division by zero, an invalid timestamp, ...): the rule does not fire. */
        ERROR,
        /** The evaluation exceeded its budget of steps or time and was stopped: an error, the rule does not fire. */
        STOPPED
    }

    static Verdict error(String message) {
        return new Verdict(Kind.ERROR, message, false);
    }

    static Verdict stopped(String message, boolean onTime) {
        return new Verdict(Kind.STOPPED, message, onTime);
    }

    public boolean fired() {
        return kind == Kind.FIRED;
    }
}
