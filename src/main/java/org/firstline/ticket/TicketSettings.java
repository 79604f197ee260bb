package org.firstline.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How tickets live that admins decide: the days a resolved ticket waits for the requester before it closes by itself. */
public record TicketSettings(
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be at least 1 day")
        @Max(value = 365, message = "must be at most 365 days")
        Integer autoCloseDays) {}
