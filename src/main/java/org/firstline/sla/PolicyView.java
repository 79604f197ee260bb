package org.firstline.sla;

import java.util.List;
import org.firstline.ticket.PendingReason;
import org.jspecify.annotations.Nullable;

/** A policy; {@code planId} null is the default, for organizations without a plan and tickets without an organization. */
public record PolicyView(
        long id,
        String name,
        @Nullable Long planId,
        long calendarId,
        List<PendingReason> pauseReasons,
        int atRiskPercent,
        List<PolicyTarget> targets) {}
