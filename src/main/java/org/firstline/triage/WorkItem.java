package org.firstline.triage;

import java.time.Instant;
import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;

/**
 * A non-incident ticket in the work queue with what orders it. {@code budgetShareUsed} is the share of its
 * organization's budget used this period (null without a plan with hours); {@code timeboxLeftMinutes} is null for
 * critical tickets, which have no timebox.
 */
public record WorkItem(long id, long number, String subject, Priority priority, Impact impact, @Nullable String organizationName,
        boolean funded, int organizationsAffected, boolean alignedWithGoals, boolean alignedWithUpstream,
        @Nullable Double budgetShareUsed, boolean belowCutLine, String why, int minutesSpent, @Nullable Integer timeboxLeftMinutes,
        @Nullable String ownerName, @Nullable String teamName, Instant createdAt, org.firstline.sla.@Nullable SlaDue sla) {

    /** The same item with the ticket's next service-level due time. */
    public WorkItem withSla(org.firstline.sla.@Nullable SlaDue due) {
        return new WorkItem(id, number, subject, priority, impact, organizationName, funded, organizationsAffected, alignedWithGoals,
                alignedWithUpstream, budgetShareUsed, belowCutLine, why, minutesSpent, timeboxLeftMinutes, ownerName, teamName, createdAt, due);
    }
}
