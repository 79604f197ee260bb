package org.firstline.ticket;

/** What the requester said about a resolution. */
public enum ResolutionOutcome {
    AWAITING_CONFIRMATION, CONFIRMED, REJECTED, CLOSED_DIRECTLY
}
