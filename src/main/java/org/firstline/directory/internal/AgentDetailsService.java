package org.firstline.directory.internal;

import org.firstline.directory.AgentService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Password sign-in looks agents up here. */
@Component
class AgentDetailsService implements UserDetailsService {
    private final AgentService agents;

    AgentDetailsService(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return agents.principal(username).orElseThrow(() -> new UsernameNotFoundException("No agent " + username));
    }
}
