package org.firstline.portal.internal;

import java.time.Duration;
import org.firstline.platform.BackgroundLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Every ten minutes, forgets sign-in links older than a day and sessions that have lapsed. */
@Component
class PortalCleanup extends BackgroundLoop {
    private final SignInLinks links;
    private final PortalSessions sessions;

    PortalCleanup(
            SignInLinks links, PortalSessions sessions, @Value("${firstline.portal.background:true}") boolean enabled) {
        super("portal-cleanup", Duration.ofMinutes(10), enabled);
        this.links = links;
        this.sessions = sessions;
    }

    @Override
    protected void step() {
        links.forgetOld();
        sessions.forgetExpired();
    }
}
