package org.firstline.platform;

/** What an agent may do. Read-only agents see everything and change nothing. */
public enum AgentRole {
    ADMIN,
    AGENT,
    ACCOUNT_MANAGER,
    READ_ONLY;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean canWrite() {
        return this != READ_ONLY;
    }
}
