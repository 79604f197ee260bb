package org.firstline.platform;

import java.util.Optional;

/** Finds the agent an API bearer token belongs to; tokens are stored only as hashes. */
public interface ApiTokenResolver {
    Optional<AgentPrincipal> resolve(String token);
}
