package org.firstline.ticket;

/** A ticket's priority, organization or pending reason changed (status and assignment have their own events). */
public record TicketDetailsChanged(long ticketId, boolean priority, boolean organization, boolean pendingReason) {}
