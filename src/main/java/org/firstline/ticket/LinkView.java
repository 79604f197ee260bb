package org.firstline.ticket;

import java.time.Instant;

/** A link from one ticket: to another ticket (related, duplicate of) or to an external issue URL. */
public record LinkView(long id, long ticketId, LinkKind kind, Long targetTicketId, Long targetNumber, String url, Instant createdAt) {}
