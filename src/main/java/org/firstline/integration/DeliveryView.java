package org.firstline.integration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One outgoing message about a ticket and how its delivery went. */
public record DeliveryView(
        long id,
        @Nullable Long ticketId,
        String channel,
        String destination,
        String event,
        String status,
        int attempts,
        @Nullable Integer lastStatus,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt,
        @Nullable Instant nextAttemptAt) {}
