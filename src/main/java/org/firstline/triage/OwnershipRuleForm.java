package org.firstline.triage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record OwnershipRuleForm(
        @NotNull(message = "is required") Long teamId,
        @NotNull(message = "is required") RuleKind kind,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String term,

        @Min(value = 1, message = "must be 1 to 100") @Max(value = 100, message = "must be 1 to 100")
        Integer weight) {}
