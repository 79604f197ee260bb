package org.firstline.ticket;

import java.util.List;

/**
 * A new ticket from someone who is not a representative of its organization (or of any of theirs) waits, pending on
 * representative approval; the representatives of these organizations are to be asked.
 */
public record TicketHeldForApproval(long ticketId, long requesterId, List<Long> organizationIds) {}
