package org.firstline.oncall.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Alert intake's background work on every node, every {@code firstline.oncall.heartbeat-check} (5 s): late heartbeats.
 * Off with {@code firstline.oncall.background=false} (tests run the step themselves).
 */
@Component
class AlertBackground extends BackgroundLoop {
    private final HeartbeatMonitor heartbeats;

    AlertBackground(
            HeartbeatMonitor heartbeats,
            @Value("${firstline.oncall.background:true}") boolean enabled,
            @Value("${firstline.oncall.heartbeat-check:PT5S}") Duration interval) {
        super("alert-background", interval, enabled);
        this.heartbeats = heartbeats;
    }

    @Override
    protected void step() {
        heartbeats.step();
    }
}
