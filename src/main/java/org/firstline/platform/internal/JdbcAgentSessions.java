package org.firstline.platform.internal;

import org.firstline.platform.AgentSessions;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

@Component
class JdbcAgentSessions implements AgentSessions {
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    JdbcAgentSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void endAll(String username) {
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
}
