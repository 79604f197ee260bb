package org.firstline.oncall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A monitoring system that sends alerts; its token is never shown again after it is made. */
public record AlertSourceView(
        long id,
        String name,
        AlertSourceKind kind,
        long teamId,
        @Nullable Long serviceId,
        @Nullable Long organizationId,
        @Nullable Long calendarId,
        @Nullable Long escalationPolicyId,
        @Nullable Integer heartbeatIntervalSeconds,
        @Nullable Instant lastPingAt,
        @Nullable Instant heartbeatDueAt,
        Instant createdAt) {}
