package org.firstline.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A component as agents and admins see it, archived ones included. */
public record ComponentView(
        long id,
        String name,
        @Nullable String description,
        @Nullable String group,
        int position,
        ComponentStatus status,
        Instant updatedAt,
        @Nullable Instant archivedAt) {}
