package org.firstline.oncall.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertStatus;
import org.jspecify.annotations.Nullable;

/**
 * One post of an alert, whatever sent it: firing or resolved, with what the alert shows. Alertmanager's alerts of the
 * group come as {@code parts}.
 */
public record Incoming(
        String dedupKey,
        boolean firing,
        AlertSeverity severity,
        String summary,
        String details,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Nullable String runbookUrl,
        @Nullable String generatorUrl,
        @Nullable String externalUrl,
        @Nullable Long serviceId,
        List<Part> parts) {

    public record Part(
            String fingerprint,
            AlertStatus status,
            Map<String, String> labels,
            Map<String, String> annotations,
            @Nullable Instant startsAt,
            @Nullable Instant endsAt,
            @Nullable String generatorUrl) {}

    boolean anyPartResolved() {
        return parts.stream().anyMatch(p -> p.status() == AlertStatus.RESOLVED);
    }
}
