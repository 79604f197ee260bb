package org.firstline.platform;

/** The web sessions of agents, kept in the database and so shared by every node. */
public interface AgentSessions {
    /** Signs the agent out everywhere. */
    void endAll(String username);
}
