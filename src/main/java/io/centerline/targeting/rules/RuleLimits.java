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

    /**
     * The longest a {@code matches} pattern may be, in characters: cel-java compiles it every time the rule runs, at
     * up to 5 µs a character for case-folded Unicode classes (see {@link #REGEX_COMPILE_WORK_PER_CHARACTER}).
     */
    public static final int MAX_REGEX_LENGTH = 200;

    /**
     * The longest text a string concatenation of a rule may build on one line, checked when it is stored: joining a
     * text to itself inside nested comprehensions doubles it at each level (twenty levels built 262 million
     * characters, a second's work that no step or time budget interrupts, and a few more exhaust the heap).
     */
    public static final int MAX_TEXT_LENGTH = 10_000;

    /**
     * The most regular-expression work a rule may do on one line, checked when it is stored. RE2 steps every live
     * instruction of a pattern over every character of its text, so each time a {@code matches} can run costs the
     * longest text it can run on (in characters) times the RE2 instructions of its pattern; each run after the first
     * also costs {@link #REGEX_COMPILE_WORK_PER_CHARACTER} per character of the pattern, which cel-java compiles again.
     * The limit is one pattern of {@link #MAX_REGEX_PROGRAM_SIZE} instructions on a description of the longest length
     * intake accepts (500 characters): the largest single {@code matches} stays allowed, and nothing more besides.
     *
     * <p>Measured on 2026-11-30 on the 2-core machine in thread CPU time, with other builds running (load average 7
     * to 9), RE2/J alone and through a compiled rule: a unit takes 11 to 18 ns for ASCII classes and dots
     * ({@code [a-z ]*} or {@code .*} repeated to 499 instructions) on any text, up to 25 ns for Unicode letter classes
     * ({@code \pL*} repeated) on letters outside ASCII. The largest work allowed took 3.3 ms of CPU with ASCII
     * classes on a description of "cotton shirt knit " repeated, and 6.7 ms with Unicode letter classes on 500
     * mathematical bold capitals (U+1D400, U+1D401), wall times up to 4.9 and 9.2 ms on the busy machine: under
     * {@link #MAX_EVALUATION_NANOS}, but above a quarter of it for the Unicode patterns, which no limit can avoid
     * while the largest single {@code matches} on a description stays allowed.
     */
    public static final long MAX_REGEX_WORK = 250_000L;

    /**
     * What compiling a {@code matches} pattern once more costs, in units of {@link #MAX_REGEX_WORK} per character of
     * the pattern: cel-java compiles the pattern every time {@code matches} runs. Measured on 2026-11-30 as above:
     * ordinary patterns compile in 40 to 150 ns of CPU per character, case-folded Unicode classes
     * ({@code (?i)\p{Lu}} repeated) in up to 5 µs, some 200 units of 25 ns.
     */
    public static final int REGEX_COMPILE_WORK_PER_CHARACTER = 250;

    /**
     * How many character comparisons of a text search ({@code contains}, {@code indexOf}, {@code lastIndexOf}) make one
     * unit of {@link #MAX_REGEX_WORK}: a search may compare every character of the text with every character of what
     * it looks for, one or two nanoseconds each, so a rule that searches a description for a text taken from a description
     * in nested comprehensions is refused, and one that looks for a hundred written-out words is not.
     */
    public static final int SEARCH_COMPARISONS_PER_UNIT = 16;

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
