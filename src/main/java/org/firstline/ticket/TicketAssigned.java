package org.firstline.ticket;

/** The ticket's team or owner changed. */
public record TicketAssigned(long ticketId, Long teamId, Long ownerId, Long previousTeamId, Long previousOwnerId) {}
