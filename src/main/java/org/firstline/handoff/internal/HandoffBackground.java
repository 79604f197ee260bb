package org.firstline.handoff.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Drafts due handoffs every {@code firstline.handoff.interval} (5 minutes); off with {@code firstline.handoff.background=false}. */
@Component
class HandoffBackground extends BackgroundLoop {
    private final HandoffDrafter drafter;

    HandoffBackground(
            HandoffDrafter drafter,
            @Value("${firstline.handoff.background:true}") boolean enabled,
            @Value("${firstline.handoff.interval:PT5M}") Duration interval) {
        super("handoff-drafts", interval, enabled);
        this.drafter = drafter;
    }

    @Override
    protected void step() {
        drafter.draftDue();
    }
}
