package org.firstline.integration;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Out-of-scope work handed to an organization's account manager: what, how many hours, and why it is chargeable. */
public record ChargeableLead(
        long id,
        long ticketId,
        long ticketNumber,
        String subject,
        @Nullable Long organizationId,
        @Nullable String organizationName,
        @Nullable Long accountManagerId,
        @Nullable String accountManagerName,
        BigDecimal estimateHours,
        String reason,
        String status,
        @Nullable String createdBy,
        Instant createdAt) {}
