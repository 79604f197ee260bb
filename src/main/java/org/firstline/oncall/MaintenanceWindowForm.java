package org.firstline.oncall;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A time when a source's or a service's alerts are recorded but page nobody. */
public record MaintenanceWindowForm(
        @Nullable Long sourceId,
        @Nullable Long serviceId,
        @NotNull(message = "is required") Instant startsAt,
        @NotNull(message = "is required") Instant endsAt,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String reason) {}
