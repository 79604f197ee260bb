package org.firstline.oncall;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An alert: one per source and dedup key while it is open. {@code receipts} counts every post of it, the first
 * included; {@code suppressed} means it arrived in a maintenance window and pages nobody; {@code inHours} whether it
 * arrived inside first line's hours. {@code parts} are Alertmanager's alerts of the group (empty for other sources,
 * and in lists).
 */
public record AlertView(
        long id,
        long sourceId,
        String sourceName,
        String dedupKey,
        AlertStatus status,
        AlertSeverity severity,
        String summary,
        String details,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Nullable String runbookUrl,
        @Nullable String generatorUrl,
        long teamId,
        @Nullable Long serviceId,
        @Nullable Long organizationId,
        @Nullable Long escalationPolicyId,
        boolean suppressed,
        boolean inHours,
        int receipts,
        Instant openedAt,
        Instant lastReceivedAt,
        @Nullable Instant resolvedAt,
        @Nullable Long ticketId,
        @Nullable Long ticketNumber,
        List<AlertPartView> parts) {}
