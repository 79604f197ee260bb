package org.firstline.ticket;

import java.time.Instant;
import java.util.List;

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
        PendingReason pendingReason,
        Priority priority,
        TicketType type,
        Impact impact,
        Channel channel,
        long requesterId,
        Long organizationId,
        Long serviceId,
        Long teamId,
        Long ownerId,
        boolean funded,
        String fundingReference,
        List<String> labels,
        List<String> cc,
        Resolution resolution,
        String resolutionLink,
        ResolutionOutcome resolutionOutcome,
        boolean internal,
        Instant createdAt,
        Instant updatedAt,
        Instant resolvedAt,
        Instant closedAt,
        boolean critical) {}
