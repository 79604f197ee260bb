package org.firstline.rota;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A planned shift in one slot role; no agent is an unfilled slot. */
public record ShiftView(
        long id,
        long rotationId,
        String role,
        int index,
        Instant startsAt,
        Instant endsAt,
        @Nullable Long agentId,
        @Nullable String agentName) {}
