package org.firstline.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An API token as admins see it; the secret itself is shown once, at creation, and never stored. */
public record ApiTokenView(
        long id,
        String name,
        long agentId,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
