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
     * Text searches ({@link #SEARCH_COMPARISONS_PER_UNIT}) and string concatenations
     * ({@link #JOINED_CHARACTERS_PER_UNIT}) count toward the same bound.
     * The limit is one pattern of {@link #MAX_REGEX_PROGRAM_SIZE} instructions on a description of the longest length
     * intake accepts (500 characters): the largest single {@code matches} stays allowed, and nothing more besides.
     *
     * <p>Measured on 2026-11-30 on the 2-core machine in thread CPU time, with other builds running (load average 7
     * to 9), RE2/J alone and through a compiled rule: a unit takes 11 to 18 ns for ASCII classes and dots
     * ({@code [a-z ]*} or {@code .*} repeated to 499 instructions) on any text, up to 25 ns for Unicode letter classes
     * ({@code \pL*} repeated) on letters outside ASCII. The largest work allowed took 3.3 ms of CPU with ASCII
     * classes on a description of "cotton shirt knit " repeated, and 6.7 ms with Unicode letter classes on 500
     * mathematical bold capitals (U+1D400, U+1D401), wall times up to 4.9 and 9.2 ms on the busy machine: well under
     * {@link #MAX_EVALUATION_CPU_NANOS}.
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

    /**
     * How many characters a string concatenation builds make one unit of {@link #MAX_REGEX_WORK}: each time a {@code +}
     * of texts runs it copies the whole text it builds, and joining long texts in comprehensions cost more than the step
     * bound let through. Measured on 2026-12-01 on the 2-core machine with other builds running, after warm-up: 400
     * iterations each joining twenty descriptions of 500 characters (42 million characters built) took 9 to 19 ms of
     * processor time at the median and up to 60 ms, 0.2 to 0.45 ns a character, so that 64 characters cost about
     * what a unit of regular-expression work does. Joining a description to a code in 1,000 iterations stays well
     * within the bound.
     */
    public static final int JOINED_CHARACTERS_PER_UNIT = 64;

    /** The most expression nodes one evaluation may visit before it is stopped as an error. */
    public static final int MAX_STEPS = 20_000;

    /**
     * The most processor time one evaluation may use before it is stopped as an error: the time of the thread that
     * runs it, not of the clock on the wall, which runs on while the thread waits for a processor. It guards against
     * what the checks made when a rule is stored do not foresee; what they admit stays well below it. Measured on
     * 2026-12-01 on the 2-core machine while other builds kept it busy (load average 7 to 10), after their warm-up, nine
     * admitted rules near the limits (930 iterations of arithmetic, case changes, substrings, {@code charAt},
     * timestamps or list comparisons on a 500-character description) took 1.0 to 4.2 ms at the median and 12 to 44 ms
     * in their slowest of 2,000 evaluations, while on the wall clock one such evaluation took 40 to 230 ms (decision
     * record 0026).
     */
    public static final long MAX_EVALUATION_CPU_NANOS = 100_000_000L;

    /**
     * How many steps of an evaluation pass between two readings of its thread's processor time. A reading costs 0.4 to
     * 0.7 µs (a system call), ten times the clock on the wall and several steps' worth (a step takes 0.1 to 0.15 µs of
     * arithmetic): read every 256 steps, some 25 to 40 µs of work, it adds 1 to 3% to a long evaluation, and an
     * evaluation of fewer steps, such as every typical rule's, never reads it.
     */
    public static final int STEPS_PER_TIME_CHECK = 256;

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
