package org.firstline.sla;

import java.time.Instant;

/** A ticket's next due time among its running clocks, for lists: the desk, queues, views. */
public record SlaDue(SlaTarget target, Instant dueAt, ClockState state) {}
