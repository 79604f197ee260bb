package org.firstline.ticket;

import org.jspecify.annotations.Nullable;

/** Published in the transaction that created the ticket. */
public record TicketOpened(
        long ticketId, long number, @Nullable Long organizationId, Channel channel) {}
