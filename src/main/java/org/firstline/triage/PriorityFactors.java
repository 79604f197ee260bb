package org.firstline.triage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the triager recorded about a ticket beyond its impact: the inputs of its priority and of the work queue. */
public record PriorityFactors(
        long ticketId,
        Workaround workaround,
        boolean blocksPriorityWork,
        boolean alignedWithGoals,
        boolean alignedWithUpstream,
        int issueReactions,
        @Nullable Instant priorityCheckedAt) {

    public static PriorityFactors none(long ticketId) {
        return new PriorityFactors(ticketId, Workaround.UNKNOWN, false, false, false, 0, null);
    }
}
