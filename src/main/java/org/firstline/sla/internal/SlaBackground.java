package org.firstline.sla.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels' background work on every node, every {@code firstline.sla.sweep-interval} (1 s): fire due clocks,
 * then tell people; every minute, start clocks for open tickets that came in without them (for at most half a second
 * a step). Off with {@code firstline.sla.background=false} (tests drive the sweeper themselves).
 */
@Component
class SlaBackground extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(SlaBackground.class);
    private final SlaSweeper sweeper;
    private final SlaNotifier notifier;
    private final Backfill backfill;
    private static final long BACKFILL_EVERY = 60_000_000_000L;
    private long lastBackfill = System.nanoTime() - BACKFILL_EVERY - 1;
    private boolean backfilling;

    SlaBackground(
            SlaSweeper sweeper,
            SlaNotifier notifier,
            Backfill backfill,
            @Value("${firstline.sla.background:true}") boolean enabled,
            @Value("${firstline.sla.sweep-interval:PT1S}") Duration interval) {
        super("sla-sweeper", interval, enabled);
        this.sweeper = sweeper;
        this.notifier = notifier;
        this.backfill = backfill;
    }

    @Override
    protected void step() {
        // each part on its own: a failure telling people must not stop breaches being recorded or clocks being started
        alone("Sweeping due clocks", sweeper::sweep);
        alone("Telling of warnings and breaches", notifier::notifyRecorded);
        alone("Starting missing clocks", this::backfill);
    }

    private void backfill() {
        if (!backfilling && System.nanoTime() - lastBackfill > BACKFILL_EVERY) backfilling = true;
        // batches for up to half a second per step, between sweeps: thousands of imported tickets never hold up a
        // breach
        long until = System.nanoTime() + 500_000_000L;
        while (backfilling && System.nanoTime() < until) {
            backfilling = backfill.batch(false) == Backfill.batchSize();
            lastBackfill = System.nanoTime();
        }
    }

    private static void alone(String what, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again next step", what, e);
        }
    }
}
