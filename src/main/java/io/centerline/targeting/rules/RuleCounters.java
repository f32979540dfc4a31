package io.centerline.targeting.rules;

import java.util.concurrent.atomic.LongAdder;

/**
 * The running counts behind {@link RuleStatistics}, safe to update from many scoring threads at once. A rule stopped
 * for exceeding its budget {@link RuleLimits#SUSPEND_AFTER_STOPS} times is suspended: it is no longer evaluated in this
 * process until a new version replaces it or the rules are loaded again after a restart.
 */
final class RuleCounters {

    private final LongAdder evaluations = new LongAdder();
    private final LongAdder fired = new LongAdder();
    private final LongAdder undetermined = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder stopped = new LongAdder();
    private volatile String lastError;
    private volatile boolean suspended;

    void record(Verdict verdict) {
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
                    suspended = true;
                }
            }
            default -> {}
        }
    }

    void fired() {
        fired.increment();
    }

    /** Marks a stored rule that cannot be evaluated at all. */
    void broken(String message) {
        lastError = message;
        suspended = true;
    }

    boolean suspended() {
        return suspended;
    }

    RuleStatistics snapshot() {
        return new RuleStatistics(
                evaluations.sum(), fired.sum(), undetermined.sum(), errors.sum(), stopped.sum(), lastError, suspended);
    }
}
