package org.firstline.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A ticket's next due time among its running clocks, for lists: the desk, queues, views. */
public record SlaDue(SlaTarget target, @Nullable Instant dueAt, ClockState state) {}
