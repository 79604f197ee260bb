package org.firstline.sla;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;

/** One promise of a policy: for a priority, a target within an amount of business time, on a calendar of its own or the policy's. */
public record PolicyTarget(
        @NotNull(message = "is required") Priority priority,
        @NotNull(message = "is required") SlaTarget target,

        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "must be at most 1000000")
        int amount,

        @NotNull(message = "is required") TargetUnit unit,
        @Nullable Long calendarId) {}
