package org.firstline.oncall;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A policy as written by an admin: steps in order (5 minutes each by default), repeated {@code repeatCount} times
 * after the last; {@code calendarId} says what "in hours" means (null: the default service level calendar).
 */
public record EscalationPolicyForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable Long teamId,
        @Nullable Long calendarId,
        @Nullable Integer repeatCount,
        @Nullable List<StepForm> steps) {
    public record StepForm(
            @Nullable Integer delayMinutes, @Nullable List<EscalationTarget> targets) {}
}
