package org.firstline.platform;

import java.util.Optional;

/** The agents as they are now: every signed-in request is checked against this, so a change of role or a deactivation counts from the next request on. */
public interface AgentAccounts {
    Optional<AgentPrincipal> principal(long agentId);
}
