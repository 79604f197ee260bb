package org.firstline.triage;

import java.time.Instant;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;

/** A ticket in a team's queue: the team has it, nobody owns it yet. */
public record QueueRow(
        long id,
        long number,
        String subject,
        TicketStatus status,
        Priority priority,
        TicketType type,
        String requesterName,
        String organizationName,
        Instant createdAt,
        Instant routedAt,
        boolean newSinceStandup) {}
