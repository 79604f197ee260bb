package org.firstline.sla;

import java.time.Instant;

/**
 * One target's clock on a ticket. {@code workingMinutesLeft} is business time until due on its calendar (negative
 * real minutes once breached), null when the clock is not running.
 */
public record TargetClockView(SlaTarget target, int cycle, ClockState state, Instant startedAt, Instant dueAt, Instant warnAt,
        Instant metAt, Instant breachedAt, Instant stoppedAt, Long workingMinutesLeft, String calendar) {}
