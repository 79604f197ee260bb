package org.firstline.ticket;

public record TicketStatusChanged(long ticketId, TicketStatus from, TicketStatus to) {}
