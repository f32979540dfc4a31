package io.centerline.targeting.rules;

/**
 * The bounds that keep a user-written rule cheap whatever its author wrote. CEL itself cannot loop without end, call
 * Java or reach files or the network; these limits also bound how much work one evaluation may do, so that no rule
 * can stall intake.
 */
public final class RuleLimits {

    /** The longest expression accepted, in characters. */
    public static final int MAX_EXPRESSION_LENGTH = 2_000;

    /** The deepest nesting of parentheses, calls and operators the parser accepts. */
    public static final int MAX_NESTING = 32;

    /** The most nodes a parsed expression may have. */
    public static final int MAX_NODES = 400;

    /**
     * The most iterations of comprehensions ({@code all}, {@code exists}, {@code map}, ...) in one evaluation. Checked
     * when the rule is stored (lists written out in the rule count their elements, other lists count as this limit)
     * and enforced again while it runs.
     */
    public static final int MAX_ITERATIONS = 1_000;

    /** The largest compiled regular expression (in RE2 program instructions) {@code matches} may use. */
    public static final int MAX_REGEX_PROGRAM_SIZE = 500;

    /** The most expression nodes one evaluation may visit before it is stopped as an error. */
    public static final int MAX_STEPS = 20_000;

    /** The longest one evaluation may run before it is stopped as an error, checked every 16 steps. */
    public static final long MAX_EVALUATION_NANOS = 20_000_000L;

    /** How often a rule may be stopped for exceeding its budget before it is suspended until a targeter resumes it. */
    public static final int SUSPEND_AFTER_STOPS = 3;

    /**
     * How many evaluations of a compiled rule in a process are its warm-up, the slowest, before the JVM has compiled the
     * code they run: an evaluation of the warm-up stopped on time is run once more without a time limit (its steps are
     * bounded all the same), so that neither a line filed after a restart escapes the rule nor a suspension, which
     * holds until a targeter lifts it, comes from a cold start.
     */
    public static final int WARM_UP_EVALUATIONS = 20;

    /** The longest reason template and trade reason, in characters. */
    public static final int MAX_REASON_LENGTH = 500;

    private RuleLimits() {}
}
