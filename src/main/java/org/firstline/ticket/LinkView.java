package org.firstline.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A link from one ticket: to another ticket (related, duplicate of) or to an external issue URL. */
public record LinkView(
        long id,
        long ticketId,
        LinkKind kind,
        @Nullable Long targetTicketId,
        @Nullable Long targetNumber,
        @Nullable String url,
        Instant createdAt) {}
