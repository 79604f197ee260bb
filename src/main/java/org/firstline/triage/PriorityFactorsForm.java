package org.firstline.triage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/** A change to a ticket's priority factors; fields left out stay as they are. */
public record PriorityFactorsForm(
        @Nullable Workaround workaround,
        @Nullable Boolean blocksPriorityWork,
        @Nullable Boolean alignedWithGoals,
        @Nullable Boolean alignedWithUpstream,

        @Min(value = 0, message = "must not be negative") @Max(value = 1000000, message = "is too large") @Nullable
        Integer issueReactions) {}
