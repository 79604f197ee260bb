package org.firstline.oncall;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction that opened an alert (never for a resend of an open one), and recorded in
 * {@code alert_event} in that same transaction so a listener lost with a node can be caught up from
 * {@link AlertEvents}. A suppressed alert (in a maintenance window) is raised too, flagged so that it pages nobody.
 */
public record AlertRaised(
        long alertId,
        long sourceId,
        @Nullable Long serviceId,
        long teamId,
        AlertSeverity severity,
        Instant at,
        boolean suppressed) {}
