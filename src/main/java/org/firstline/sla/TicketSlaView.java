package org.firstline.sla;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A ticket's service levels: the policy it is under, every clock, and the history of pauses. */
public record TicketSlaView(
        long ticketId, @Nullable String policy, List<TargetClockView> targets, List<PauseView> pauses) {}
