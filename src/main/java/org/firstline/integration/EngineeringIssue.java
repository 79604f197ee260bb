package org.firstline.integration;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An issue in engineering's tracker opened from a ticket. Once an engineer takes it, the ticket has one sprint
 * ({@code sprintEndsAt}); past it the owner is asked to tell the customer where it stands, unless an exception is recorded.
 */
public record EngineeringIssue(
        long id,
        long ticketId,
        Tracker tracker,
        IssuePurpose purpose,
        String externalId,
        String url,
        boolean open,
        String impact,
        @Nullable Instant takenAt,
        @Nullable Instant sprintEndsAt,
        @Nullable String exceptionReason,
        Instant createdAt,
        @Nullable Instant closedAt) {}
