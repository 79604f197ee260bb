package org.firstline.incident;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Planned work as an agent schedules or changes it; on a change, a null field stays as it was. */
public record MaintenanceForm(
        @Nullable String title,
        @Nullable String body,
        @Nullable Instant scheduledFor,
        @Nullable Instant scheduledUntil,
        @Nullable List<Long> componentIds) {}
