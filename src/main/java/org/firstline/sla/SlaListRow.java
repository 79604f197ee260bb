package org.firstline.sla;

import java.time.Instant;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;

/** A ticket in a breach, at-risk or stale list. {@code dueAt} is the clock's due time; for stale lists, null. */
public record SlaListRow(
        long ticketId,
        long number,
        String subject,
        Priority priority,
        String status,
        @Nullable Long teamId,
        @Nullable String team,
        @Nullable Long ownerId,
        @Nullable String owner,
        @Nullable Long organizationId,
        @Nullable String organization,
        @Nullable SlaTarget target,
        @Nullable Instant dueAt,
        @Nullable Instant lastPublicAt) {}
