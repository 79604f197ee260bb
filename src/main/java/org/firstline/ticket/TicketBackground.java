package org.firstline.ticket;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ticket lifecycle's background work on every node, every minute: resolved tickets nobody answered are closed.
 * Off with {@code firstline.ticket.background=false} (tests run the sweeper themselves).
 */
@Component
class TicketBackground extends BackgroundLoop {
    private final UnansweredResolutionSweeper sweeper;

    TicketBackground(
            UnansweredResolutionSweeper sweeper,
            @Value("${firstline.ticket.background:true}") boolean enabled,
            @Value("${firstline.ticket.sweep-interval:PT1M}") Duration interval) {
        super("ticket-sweeper", interval, enabled);
        this.sweeper = sweeper;
    }

    @Override
    protected void step() {
        sweeper.sweep();
    }
}
