package org.firstline.handoff;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record HandoffView(
        long id,
        long rotationId,
        String rotationName,
        String role,
        Instant shiftStartsAt,
        Instant shiftEndsAt,
        @Nullable Long outgoingAgentId,
        @Nullable String outgoingName,
        @Nullable Long incomingAgentId,
        @Nullable String incomingName,
        String draft,
        String body,
        @Nullable Instant editedAt,
        @Nullable Instant readAt) {}
