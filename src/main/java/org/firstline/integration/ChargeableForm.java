package org.firstline.integration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

public record ChargeableForm(
        @NotNull(message = "is required")
        @DecimalMin(value = "0.5", message = "must be at least 0.5 hours")
        @DecimalMax(value = "10000", message = "must be at most 10000 hours")
        BigDecimal estimateHours,

        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
        String reason) {}
