package org.firstline.sla.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.firstline.sla.CalendarService;
import org.firstline.sla.SlaSettingsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a policy or calendar change commits, works out the running clocks again, off the admin's request. Other nodes
 * keep the old terms for up to {@link CalendarService#KEPT_FOR}: once that has passed, the tickets changed meanwhile are
 * worked out once more, so none keeps a due time from the old terms.
 */
@Component
class SettingsChangeFollower {
    private static final Logger log = LoggerFactory.getLogger(SettingsChangeFollower.class);

    private final Backfill backfill;
    private final java.time.Clock clock;
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    SettingsChangeFollower(Backfill backfill, java.time.Clock clock) {
        this.backfill = backfill;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(SlaSettingsChanged event) {
        again.set(true);
        if (running.compareAndSet(false, true))
            Thread.ofVirtual().name("sla-recompute").start(this::recompute);
    }

    private void recompute() {
        try {
            while (again.getAndSet(false)) {
                java.time.Instant since = clock.instant();
                int started = backfill.run(true);
                int tickets = backfill.recomputeOpen(null);
                log.info(
                        "Service levels changed; started clocks on {} open tickets and worked out those of {} again",
                        started,
                        tickets);
                Thread.sleep(
                        CalendarService.KEPT_FOR.plusMillis(500)); // real time: other nodes' caches, not business time
                backfill.recomputeOpen(since);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Working out the clocks again failed", e);
        } finally {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true))
                Thread.ofVirtual().name("sla-recompute").start(this::recompute);
        }
    }

    /** Whether a recompute is under way; tests wait on it. */
    boolean busy() {
        return running.get() || again.get();
    }
}
