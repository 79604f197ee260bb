package org.firstline.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Planned work with its components; cancelled work keeps its row and says when it was called off. */
public record MaintenanceView(
        long id,
        String title,
        String body,
        Instant scheduledFor,
        Instant scheduledUntil,
        List<Long> componentIds,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant cancelledAt) {}
