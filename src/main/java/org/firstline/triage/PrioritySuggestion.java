package org.firstline.triage;

import java.util.List;
import org.firstline.ticket.Priority;

/**
 * The priority the factors add up to, against the ticket's current one. {@code stillHolds} is false when the ticket
 * changed since someone last confirmed its priority: the agent is asked again.
 */
public record PrioritySuggestion(
        Priority suggested,
        Priority current,
        int points,
        List<PriorityFactor> factors,
        String explanation,
        boolean stillHolds) {}
