package org.firstline.triage;

import java.time.Instant;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketStatus;

/** A past ticket like this one and how it ended, so the first reply can point at the likely cause. */
public record SimilarTicket(long id, long number, String subject, TicketStatus status, Resolution resolution,
        String resolutionLink, Instant resolvedAt, String lastReply, double similarity) {}
