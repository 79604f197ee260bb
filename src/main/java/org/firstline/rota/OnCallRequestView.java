package org.firstline.rota;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An agent's request to join an on-call rotation: PENDING until the head of operations approves or refuses it. */
public record OnCallRequestView(
        long id,
        long rotationId,
        long agentId,
        String agentName,
        String role,
        String status,
        Instant requestedAt,
        @Nullable Long decidedBy) {}
