package org.firstline.integration;

import java.time.Instant;

/** One outgoing message about a ticket and how its delivery went. */
public record DeliveryView(long id, Long ticketId, String channel, String destination, String event, String status, int attempts,
        Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt, Instant nextAttemptAt) {}
