package org.firstline.directory;

import java.time.Instant;
import java.util.List;
import org.firstline.platform.AgentRole;

public record AgentView(
        long id,
        String username,
        String displayName,
        String email,
        AgentRole role,
        String timeZone,
        String signature,
        int capacityHours,
        boolean active,
        List<Long> teamIds,
        List<String> skills,
        Instant createdAt) {}
