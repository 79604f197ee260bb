package org.firstline.rota;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An override of a rotation's plan; {@code swapId} when an approved swap made it. */
public record OverrideView(
        long id,
        long rotationId,
        String role,
        Instant startsAt,
        Instant endsAt,
        @Nullable Long removedAgentId,
        @Nullable String removedAgentName,
        @Nullable Long addedAgentId,
        @Nullable String addedAgentName,
        @Nullable Long swapId,
        String createdBy) {

    public String kind() {
        return removedAgentId == null ? "add" : addedAgentId == null ? "remove" : "replace";
    }
}
