package org.firstline.ticket;

import java.time.Instant;

public record TimeEntryView(
        long id,
        long ticketId,
        long agentId,
        int minutes,
        boolean billable,
        String note,
        Instant workedAt,
        Instant createdAt) {}
