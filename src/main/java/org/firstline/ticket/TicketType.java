package org.firstline.ticket;

/** What the requester needs. */
public enum TicketType {
    INCIDENT,
    BUG,
    CHANGE_REQUEST,
    GUIDANCE_REQUEST,
    FEATURE_REQUEST,
    DOCUMENTATION,
    WORKSHOP_REQUEST,
    QUESTION
}
