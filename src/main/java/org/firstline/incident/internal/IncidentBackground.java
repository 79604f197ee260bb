package org.firstline.incident.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Incidents' background work on every node, every {@code firstline.incident.interval} (2 s): queue waiting notices,
 * then remind communications leads of due updates. Off with {@code firstline.incident.background=false} (tests run
 * the steps themselves).
 */
@Component
class IncidentBackground extends BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(IncidentBackground.class);
    private final NoticeQueue notices;
    private final UpdateReminders reminders;

    IncidentBackground(
            NoticeQueue notices,
            UpdateReminders reminders,
            @Value("${firstline.incident.background:true}") boolean enabled,
            @Value("${firstline.incident.interval:PT2S}") Duration interval) {
        super("incident-background", interval, enabled);
        this.notices = notices;
        this.reminders = reminders;
    }

    @Override
    protected void step() {
        alone("Queueing incident notices", notices::drain);
        alone("Reminding of due updates", reminders::remind);
    }

    private static void alone(String what, Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; trying again next step", what, e);
        }
    }
}
