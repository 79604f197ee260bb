package org.firstline.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One target's clock on a ticket. {@code workingMinutesLeft} is business time until due on its calendar (negative
 * real minutes once breached), null when the clock is not running.
 */
public record TargetClockView(
        SlaTarget target,
        int cycle,
        ClockState state,
        Instant startedAt,
        @Nullable Instant dueAt,
        @Nullable Instant warnAt,
        @Nullable Instant metAt,
        @Nullable Instant breachedAt,
        @Nullable Instant stoppedAt,
        @Nullable Long workingMinutesLeft,
        @Nullable String calendar) {}
