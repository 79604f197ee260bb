package org.firstline.oncall;

import org.jspecify.annotations.Nullable;

/**
 * Which alerts to list, newest first: by status (none: any), source, severity, and suppressed (none: both).
 * {@code limit} is capped at 500.
 */
public record AlertFilter(
        @Nullable AlertStatus status,
        @Nullable Long sourceId,
        @Nullable AlertSeverity severity,
        @Nullable Boolean suppressed,
        int limit) {
    public static AlertFilter open() {
        return new AlertFilter(AlertStatus.FIRING, null, null, null, 100);
    }
}
