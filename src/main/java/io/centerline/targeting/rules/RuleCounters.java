package io.centerline.targeting.rules;

import java.util.concurrent.atomic.LongAdder;

/** The running counts behind {@link RuleStatistics}, safe to update from many scoring threads at once. */
final class RuleCounters {

    private final LongAdder evaluations = new LongAdder();
    private final LongAdder fired = new LongAdder();
    private final LongAdder undetermined = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile String lastError;

    void record(Verdict verdict) {
        evaluations.increment();
        switch (verdict.kind()) {
            case UNDETERMINED -> undetermined.increment();
            case ERROR -> {
                errors.increment();
                lastError = verdict.error();
            }
            default -> {}
        }
    }

    void fired() {
        fired.increment();
    }

    RuleStatistics snapshot() {
        return new RuleStatistics(evaluations.sum(), fired.sum(), undetermined.sum(), errors.sum(), lastError);
    }
}
