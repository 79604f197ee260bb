package org.firstline.ticket;

/** What the requester said about a resolution; AUTO_CLOSED when they said nothing for the days admins allow. */
public enum ResolutionOutcome {
    AWAITING_CONFIRMATION,
    CONFIRMED,
    REJECTED,
    CLOSED_DIRECTLY,
    AUTO_CLOSED
}
