package org.firstline.ticket;

/**
 * A ticket's priority, organization, pending reason or impact changed (status and assignment have their own events);
 * {@code critical} is whether it is critical now.
 */
public record TicketDetailsChanged(
        long ticketId,
        boolean priority,
        boolean organization,
        boolean pendingReason,
        boolean impact,
        boolean critical) {}
