package org.firstline.oncall;

import java.util.List;
import org.jspecify.annotations.Nullable;

public record EscalationPolicyView(
        long id,
        String name,
        String description,
        @Nullable Long teamId,
        @Nullable Long calendarId,
        int repeatCount,
        List<EscalationStep> steps) {}
