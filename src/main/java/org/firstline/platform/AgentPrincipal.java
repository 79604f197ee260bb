package org.firstline.platform;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in agent, as every request sees it. */
public record AgentPrincipal(
        long id,
        String username,
        String displayName,
        AgentRole role,
        String timeZone,
        @Nullable String passwordHash,
        boolean active)
        implements UserDetails {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** What a web session keeps: everything but the password hash. */
    public AgentPrincipal withoutPassword() {
        return new AgentPrincipal(id, username, displayName, role, timeZone, null, active);
    }

    public boolean isAdmin() {
        return role == AgentRole.ADMIN;
    }

    /** How the audit trail names this agent; Firstline's own processes go by "system:…". */
    public String auditName() {
        return username.startsWith("system:") ? username : "agent:" + username;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public String toString() {
        return "AgentPrincipal[" + username + ", " + role + "]";
    }
}
