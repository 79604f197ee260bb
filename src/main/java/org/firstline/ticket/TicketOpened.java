package org.firstline.ticket;

/** Published in the transaction that created the ticket. */
public record TicketOpened(long ticketId, long number, Long organizationId, Channel channel) {}
