package org.firstline.ticket;

import java.time.Instant;

/** One recorded change: who, what (entity, field), before and after, when. */
public record AuditEntryView(
        long id,
        Long ticketId,
        String entity,
        Long entityId,
        String action,
        String field,
        String before,
        String after,
        String actor,
        Instant at) {}
