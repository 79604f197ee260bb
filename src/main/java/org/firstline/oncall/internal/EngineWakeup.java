package org.firstline.oncall.internal;

import org.firstline.platform.AfterCommit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

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
        AfterCommit.run(this::now);
    }

    void now() {
        Runnable target = engine;
        if (target != null) target.run();
    }
}
