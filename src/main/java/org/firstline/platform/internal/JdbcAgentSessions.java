package org.firstline.platform.internal;

import org.firstline.platform.AgentSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Agents' sessions as Spring Session keeps them in PostgreSQL, found by the username they were signed in with. */
@Component
class JdbcAgentSessions implements AgentSessions {
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    JdbcAgentSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void endAll(String username) {
        endAllBut(username, null);
    }

    @Override
    public void endAllBut(String username, @Nullable String keptSessionId) {
        sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
