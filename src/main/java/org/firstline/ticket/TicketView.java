package org.firstline.ticket;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as the API and the UI read it.
 *
 * @param critical whether its impact makes it critical by the one definition admins keep ({@link CriticalDefinition})
 */
public record TicketView(
        long id,
        long number,
        String subject,
        TicketStatus status,
        @Nullable PendingReason pendingReason,
        Priority priority,
        TicketType type,
        Impact impact,
        Channel channel,
        long requesterId,
        @Nullable Long organizationId,
        @Nullable Long serviceId,
        @Nullable Long teamId,
        @Nullable Long ownerId,
        boolean funded,
        @Nullable String fundingReference,
        List<String> labels,
        List<String> cc,
        @Nullable Resolution resolution,
        @Nullable String resolutionLink,
        @Nullable ResolutionOutcome resolutionOutcome,
        boolean internal,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant closedAt,
        boolean critical) {}
