package org.firstline.oncall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One message of an escalation, to a person by one of their contact methods or to a team's channel. */
public record PageView(
        long id,
        int loop,
        int stepPosition,
        @Nullable Long agentId,
        @Nullable String agentName,
        @Nullable Long teamId,
        String method,
        Instant dueAt,
        String status,
        int attempts,
        @Nullable Instant sentAt,
        @Nullable String error,
        boolean outOfHours) {}
