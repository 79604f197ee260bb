package org.firstline.oncall.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's on-call engine when there is work for it now (a page written, an alert raised), so a page goes
 * out in milliseconds rather than at the next cycle. Only after commit: woken earlier, the engine would not see the
 * rows yet. The cycle still runs on its own, for work written by other nodes.
 */
@Component
class EngineWakeup {
    private volatile @Nullable Runnable engine;

    void wakes(Runnable engine) {
        this.engine = engine;
    }

    /** Wakes the engine once the current transaction commits; at once outside one. */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(this)) return; // once per transaction is enough
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    now();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EngineWakeup.this);
                }
            });
        } else {
            now();
        }
    }

    void now() {
        Runnable target = engine;
        if (target != null) target.run();
    }
}
