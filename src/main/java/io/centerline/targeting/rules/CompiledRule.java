package io.centerline.targeting.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelEvaluationListener;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.PartialVars;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A rule expression that compiled, type-checked and passed the safety checks, ready to run on lines. It is immutable
 * and safe to share between threads.
 *
 * <p>Each evaluation runs under a budget: {@link RuleLimits#MAX_STEPS} visited nodes and
 * {@link RuleLimits#MAX_EVALUATION_CPU_NANOS} of the processor time of the thread that runs it, never of the clock on
 * the wall, so that a thread made to wait while other work has the processors (a busy machine, a garbage collection)
 * does not stop a rule that the rule checks admitted. An evaluation stopped on time alone is run once more, and in
 * the rule's first {@link RuleLimits#WARM_UP_EVALUATIONS} evaluations in a process (the slowest, before the JVM has
 * compiled the code they run) once more without a time limit, its steps still bounded; whatever goes wrong while it
 * runs (division by zero, an invalid timestamp) comes back as an {@link Verdict.Kind#ERROR} verdict and an exceeded
 * budget as {@link Verdict.Kind#STOPPED}: a rule never throws into scoring. A number the line does not declare is
 * handed to CEL as an unknown value, so the rule fires only if its outcome does not depend on it.
 */
public final class CompiledRule {

    /**
     * The processor time the calling thread has used, in nanoseconds: the time an evaluation's budget is kept by.
     * Where the JVM cannot measure a thread's processor time, the clock on the wall stands in for it.
     */
    static final LongSupplier PROCESSOR_TIME = processorTime();

    /** What an evaluation stopped for its time says. */
    static final String STOPPED_ON_TIME = "The evaluation was stopped after "
            + RuleLimits.MAX_EVALUATION_CPU_NANOS / 1_000_000 + " ms of processor time";

    private final String expression;
    private final CelRuntime.Program program;
    private final CelRuntime.Program partialProgram;
    private final Set<String> fields;
    private final RuleField[] numbers;
    private final CelAttributePattern[] unknownPatterns;
    private final LongSupplier time;
    /** How many of its first, slowest evaluations the rule has still to make. */
    private final AtomicInteger warmUpLeft;

    CompiledRule(String expression, CelRuntime.Program program, CelRuntime.Program partialProgram, Set<String> fields) {
        this(expression, program, partialProgram, fields, PROCESSOR_TIME, RuleLimits.WARM_UP_EVALUATIONS);
    }

    private static LongSupplier processorTime() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                ? threads::getCurrentThreadCpuTime
                : System::nanoTime;
    }

    private CompiledRule(
            String expression,
            CelRuntime.Program program,
            CelRuntime.Program partialProgram,
            Set<String> fields,
            LongSupplier time,
            int warmUp) {
        this.time = time;
        this.warmUpLeft = new AtomicInteger(warmUp);
        this.expression = expression;
        this.program = program;
        this.partialProgram = partialProgram;
        this.fields = Set.copyOf(fields);
        this.numbers = fields.stream()
                .map(RuleFields::field)
                .filter(field -> field.type() == FieldType.DOUBLE)
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toArray(RuleField[]::new);
        this.unknownPatterns = new CelAttributePattern[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            unknownPatterns[i] = CelAttributePattern.fromQualifiedIdentifier(numbers[i].name());
        }
    }

    /** The same rule past its warm-up and timed by the given source of nanoseconds, for tests of its time budget. */
    CompiledRule timedBy(LongSupplier clock) {
        return new CompiledRule(expression, program, partialProgram, fields, clock, 0);
    }

    public String expression() {
        return expression;
    }

    /** The catalogue fields the expression reads. */
    public Set<String> fields() {
        return fields;
    }

    /** Whether the expression reads the review history of the entry's parties. */
    public boolean readsHistory() {
        return fields.stream().anyMatch(name -> name.startsWith("history."));
    }

    /**
     * Evaluates the rule on one line. An evaluation stopped on time alone is run once more, and only a second stop
     * counts: processor time too can run long for what is not the rule (code the JVM set aside and runs interpreted
     * until it has compiled it again, caches that other work on the machine keeps cold), and three stops suspend a
     * rule. A rule that is slow in itself is stopped again, except in its warm-up, when the second run has no time
     * limit: a cold process may take longer than the budget for what a warm one does in a fraction of it, and a line
     * should not escape a rule for when it was filed.
     */
    public Verdict evaluate(LineFacts facts) {
        boolean warmingUp = warmUpLeft.get() > 0 && warmUpLeft.getAndDecrement() > 0;
        Budget budget = new Budget(time, RuleLimits.MAX_EVALUATION_CPU_NANOS);
        Verdict verdict = evaluate(facts, budget);
        if (!budget.timedOut) {
            return verdict;
        }
        return evaluate(facts, new Budget(time, warmingUp ? Long.MAX_VALUE : RuleLimits.MAX_EVALUATION_CPU_NANOS));
    }

    private Verdict evaluate(LineFacts facts, Budget budget) {
        List<CelAttributePattern> unknown = null;
        for (int i = 0; i < numbers.length; i++) {
            Object value = numbers[i].read(facts);
            if (value instanceof Double number && !Double.isFinite(number)) {
                if (unknown == null) {
                    unknown = new ArrayList<>(numbers.length);
                }
                unknown.add(unknownPatterns[i]);
            }
        }
        try {
            Object result = unknown == null
                    ? program.trace(facts, budget)
                    : partialProgram.trace(PartialVars.of(facts, unknown), budget);
            if (budget.exceeded != null) {
                return Verdict.stopped(budget.exceeded.getMessage(), budget.timedOut);
            }
            if (result instanceof Boolean fired) {
                return fired ? Verdict.FIRED : Verdict.NOT_FIRED;
            }
            if (result instanceof CelUnknownSet) {
                return Verdict.UNDETERMINED;
            }
            return Verdict.error("The rule answered " + result + " where true or false was expected");
        } catch (CelEvaluationException e) {
            return budget.exceeded != null
                    ? Verdict.stopped(budget.exceeded.getMessage(), budget.timedOut)
                    : Verdict.error(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Verdict.error("The rule failed: " + e);
        }
    }

    /**
     * Stops an evaluation that visits too many nodes or runs too long. CEL absorbs errors inside {@code &&},
     * {@code ||} and comprehensions when the other side decides, so once exceeded the budget stays exceeded: every
     * further node fails at once, and the evaluation counts as an error whatever it answers.
     *
     * <p>Time is read every {@link RuleLimits#STEPS_PER_TIME_CHECK} steps, from the first such step on: an evaluation
     * of fewer steps, as nearly every rule's is, never reads it, and one that runs long pays one reading, which costs
     * more than a step, for every few tens of microseconds of work.
     */
    private static final class Budget implements CelEvaluationListener {
        private final LongSupplier time;
        private final long maxNanos;
        private int steps;
        private long startedAt;
        private BudgetExceeded exceeded;
        private boolean timedOut;

        Budget(LongSupplier time, long maxNanos) {
            this.time = time;
            this.maxNanos = maxNanos;
        }

        @Override
        public void callback(CelExpr expr, Object result) {
            if (exceeded != null) {
                throw exceeded;
            }
            if (++steps > RuleLimits.MAX_STEPS) {
                exceeded = new BudgetExceeded("The evaluation was stopped after " + RuleLimits.MAX_STEPS + " steps");
                throw exceeded;
            }
            if (steps % RuleLimits.STEPS_PER_TIME_CHECK == 0) {
                long now = time.getAsLong();
                if (steps == RuleLimits.STEPS_PER_TIME_CHECK) {
                    startedAt = now;
                } else if (now - startedAt > maxNanos) {
                    timedOut = true;
                    exceeded = new BudgetExceeded(STOPPED_ON_TIME);
                    throw exceeded;
                }
            }
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
