package org.firstline.sla;

import java.time.Instant;
import org.firstline.ticket.Priority;

/** A ticket in a breach, at-risk or stale list. {@code dueAt} is the clock's due time; for stale lists, null. */
public record SlaListRow(long ticketId, long number, String subject, Priority priority, String status, Long teamId, String team,
        Long ownerId, String owner, Long organizationId, String organization, SlaTarget target, Instant dueAt,
        Instant lastPublicAt) {}
