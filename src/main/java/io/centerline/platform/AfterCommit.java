package io.centerline.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What is to happen only once the work of the current transaction is stored for good. */
public final class AfterCommit {

    private AfterCommit() {}

    /**
     * Runs an action once the current transaction has committed, never if it rolls back; at once outside a transaction.
     */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
