package org.firstline.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A component as the public sees it. */
public record PublicComponent(
        long id,
        String name,
        @Nullable String description,
        @Nullable String group,
        int position,
        ComponentStatus status,
        Instant updatedAt) {}
