package org.firstline.sla;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.firstline.ticket.PendingReason;
import org.jspecify.annotations.Nullable;

/** A policy as an admin writes it; pause reasons default to waiting on the customer or their representative. */
public record PolicyForm(
        @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters")
        String name,

        @Nullable Long planId,
        @NotNull(message = "is required") Long calendarId,
        @Nullable List<PendingReason> pauseReasons,

        @Min(value = 1, message = "must be 1 to 99") @Max(value = 99, message = "must be 1 to 99") @Nullable
        Integer atRiskPercent,

        @Valid List<PolicyTarget> targets) {
    public static final List<PendingReason> DEFAULT_PAUSE_REASONS = List.of(
            PendingReason.CUSTOMER,
            PendingReason.REPRESENTATIVE_APPROVAL,
            PendingReason.SCHEDULED,
            PendingReason.CHANGE_APPROVAL,
            PendingReason.ACCOUNT_MANAGER);
}
