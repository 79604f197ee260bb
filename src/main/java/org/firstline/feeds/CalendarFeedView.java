package org.firstline.feeds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A feed as listed: the address itself is never shown again after it is made. */
public record CalendarFeedView(
        long id,
        @Nullable Long rotationId,
        @Nullable Long agentId,
        String title,
        Instant createdAt,
        java.time.@Nullable Instant revokedAt) {}
