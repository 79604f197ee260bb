package org.firstline.sla;

import java.time.Instant;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;

/** One warning or breach, as the people and channels told about it see it. */
public record SlaAlert(
        long eventId,
        SlaAlertKind kind,
        SlaTarget target,
        Instant dueAt,
        long ticketId,
        long ticketNumber,
        String subject,
        Priority priority,
        @Nullable Long teamId,
        @Nullable Long ownerId) {}
