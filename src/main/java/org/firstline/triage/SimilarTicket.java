package org.firstline.triage;

import java.time.Instant;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;

/** A past ticket like this one and how it ended, so the first reply can point at the likely cause. */
public record SimilarTicket(
        long id,
        long number,
        String subject,
        TicketStatus status,
        @Nullable Resolution resolution,
        @Nullable String resolutionLink,
        @Nullable Instant resolvedAt,
        @Nullable String lastReply,
        double similarity) {}
