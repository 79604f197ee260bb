package org.firstline.sla.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels' background work on every node, every {@code firstline.sla.sweep-interval} (1 s): fire due clocks,
 * then tell people; every minute, start clocks for open tickets that came in without them. Off with {@code firstline.sla.background=false} (tests drive the sweeper themselves).
 */
@Component
class SlaBackground extends BackgroundLoop {
    private final SlaSweeper sweeper;
    private final SlaNotifier notifier;
    private final Backfill backfill;
    private static final long BACKFILL_EVERY = 60_000_000_000L;
    private long lastBackfill;
    private boolean backfilled;

    SlaBackground(SlaSweeper sweeper, SlaNotifier notifier, Backfill backfill, @Value("${firstline.sla.background:true}") boolean enabled,
            @Value("${firstline.sla.sweep-interval:PT1S}") Duration interval) {
        super("sla-sweeper", interval, enabled);
        this.sweeper = sweeper;
        this.notifier = notifier;
        this.backfill = backfill;
    }

    @Override
    protected void step() {
        if (!backfilled || System.nanoTime() - lastBackfill > BACKFILL_EVERY) {
            backfill.run(false);
            backfilled = true;
            lastBackfill = System.nanoTime();
        }
        sweeper.sweep();
        notifier.notifyRecorded();
    }
}
