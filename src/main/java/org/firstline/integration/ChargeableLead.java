package org.firstline.integration;

import java.math.BigDecimal;
import java.time.Instant;

/** Out-of-scope work handed to an organization's account manager: what, how many hours, and why it is chargeable. */
public record ChargeableLead(long id, long ticketId, long ticketNumber, String subject, Long organizationId, String organizationName,
        Long accountManagerId, String accountManagerName, BigDecimal estimateHours, String reason, String status,
        String createdBy, Instant createdAt) {}
