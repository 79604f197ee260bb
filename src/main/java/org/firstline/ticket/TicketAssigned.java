package org.firstline.ticket;

import org.jspecify.annotations.Nullable;

/** The ticket's team or owner changed. */
public record TicketAssigned(
        long ticketId,
        @Nullable Long teamId,
        @Nullable Long ownerId,
        @Nullable Long previousTeamId,
        @Nullable Long previousOwnerId) {}
