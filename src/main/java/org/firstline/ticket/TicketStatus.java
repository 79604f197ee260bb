package org.firstline.ticket;

/** Where a ticket is in its life; see StatusTransitions for the moves allowed. */
public enum TicketStatus {
    NEW,
    OPEN,
    PENDING,
    RESOLVED,
    CLOSED
}
