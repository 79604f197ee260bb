package org.firstline.ticket;

/** The requester was sent the notice saying who has their ticket: for service levels, an acknowledgement. */
public record RequesterToldOfAssignment(long ticketId) {}
