package org.firstline.platform;

import org.jspecify.annotations.Nullable;

/** The web sessions of agents, kept in the database and so shared by every node. */
public interface AgentSessions {
    /** Signs the agent out everywhere. */
    void endAll(String username);

    /** Signs the agent out everywhere but in the session given, e.g. the one that just changed the password. */
    void endAllBut(String username, @Nullable String keptSessionId);
}
