package io.centerline.targeting.rules;

import java.util.concurrent.atomic.LongAdder;

/**
 * The running counts behind {@link RuleStatistics}, safe to update from many scoring threads at once. A rule stopped
 * for exceeding its budget {@link RuleLimits#SUSPEND_AFTER_STOPS} times (see {@link CompiledRule#evaluate} for when an
 * evaluation is stopped) is suspended: it is no longer evaluated until a targeter resumes it or a new version replaces
 * it. The suspension is recorded ({@link RuleSuspension}) so that it holds after a restart and in every instance; a
 * stored rule that no longer compiles is passed by as well, found again at every load.
 */
final class RuleCounters {

    private final LongAdder evaluations = new LongAdder();
    private final LongAdder fired = new LongAdder();
    private final LongAdder undetermined = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder stopped = new LongAdder();

    private volatile String lastError;
    private volatile boolean suspended;
    private volatile boolean broken;
    /** The recorded suspension this version is passed by for, or 0 while none is known. */
    private volatile long suspensionId;

    /** Counts an evaluation; answers whether it suspended the rule (only the evaluation that does answers true). */
    boolean record(Verdict verdict) {
        evaluations.increment();
        switch (verdict.kind()) {
            case UNDETERMINED -> undetermined.increment();
            case ERROR -> {
                errors.increment();
                lastError = verdict.error();
            }
            case STOPPED -> {
                errors.increment();
                stopped.increment();
                lastError = verdict.error();
                if (stopped.sum() >= RuleLimits.SUSPEND_AFTER_STOPS) {
                    return suspend();
                }
            }
            default -> {}
        }
        return false;
    }

    private synchronized boolean suspend() {
        if (suspended) {
            return false;
        }
        suspended = true;
        return true;
    }

    void fired() {
        fired.increment();
    }

    /** Marks a stored rule that cannot be evaluated at all. */
    void broken(String message) {
        lastError = message;
        broken = true;
        suspended = true;
    }

    /** Passes the version by for a suspension on record (found in this process or another). */
    void suspendedAsRecorded(RuleSuspension suspension) {
        suspensionId = suspension.id();
        if (lastError == null) {
            lastError = suspension.cause();
        }
        suspended = true;
    }

    /** The suspension this process found has been recorded under the given id. */
    void recorded(long id) {
        suspensionId = id;
    }

    boolean suspended() {
        return suspended;
    }

    /**
     * Whether the version was passed by for the given suspension, which a targeter has since resumed: its counts then
     * start again from nothing.
     */
    boolean resumedBy(RuleSuspension latest) {
        return suspended && !broken && !latest.open() && latest.id() == suspensionId;
    }

    long stops() {
        return stopped.sum();
    }

    String lastError() {
        return lastError;
    }

    RuleStatistics snapshot() {
        return new RuleStatistics(
                evaluations.sum(), fired.sum(), undetermined.sum(), errors.sum(), stopped.sum(), lastError, suspended);
    }
}
