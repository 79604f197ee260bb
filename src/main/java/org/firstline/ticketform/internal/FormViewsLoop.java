package org.firstline.ticketform.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes the form's counts about once a second and, once a minute, ends views left open half an hour. */
@Component
class FormViewsLoop extends BackgroundLoop {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FormViewsLoop.class);
    private final FormViews views;
    private int rounds;

    FormViewsLoop(FormViews views, @Value("${firstline.ticket-form.background:true}") boolean enabled) {
        super("form-views", Duration.ofSeconds(1), enabled);
        this.views = views;
    }

    @Override
    protected void step() {
        try {
            views.flush();
            if (rounds++ % 60 == 0) views.closeStale();
        } catch (org.springframework.dao.DataAccessException e) {
            // the database is away: the counts wait in memory, and the outage is reported elsewhere
            log.debug("Form view counts not written", e);
        }
    }
}
