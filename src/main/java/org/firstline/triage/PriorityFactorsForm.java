package org.firstline.triage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** A change to a ticket's priority factors; fields left out stay as they are. */
public record PriorityFactorsForm(Workaround workaround, Boolean blocksPriorityWork, Boolean alignedWithGoals,
        Boolean alignedWithUpstream,
        @Min(value = 0, message = "must not be negative") @Max(value = 1000000, message = "is too large") Integer issueReactions) {}
