package org.firstline.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record TimeEntryForm(
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 1440, message = "must be at most 1440 (a day)")
        Integer minutes,

        @Nullable Boolean billable,

        @Size(max = 2000, message = "must be at most 2000 characters") @Nullable
        String note,

        @Nullable Instant workedAt) {}
