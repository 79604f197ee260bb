package org.firstline.oncall;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A source as an admin sets it up. {@code heartbeatIntervalSeconds} is required for (and only for) HEARTBEAT sources;
 * {@code calendarId} is the first-line hours of its alerts (default: the default SLA policy's calendar);
 * {@code escalationPolicyId} is for the escalation engine.
 */
public record AlertSourceForm(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String name,

        @NotNull(message = "is required") AlertSourceKind kind,
        @NotNull(message = "is required") Long teamId,
        @Nullable Long serviceId,
        @Nullable Long organizationId,
        @Nullable Long calendarId,
        @Nullable Long escalationPolicyId,

        @Min(value = 10, message = "must be at least 10 seconds")
        @Max(value = 2678400, message = "must be at most 31 days")
        @Nullable
        Integer heartbeatIntervalSeconds) {}
