package org.firstline.triage;

import java.time.Instant;
import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;

/**
 * A non-incident ticket in the work queue: the first of 2i2c's rules it meets ({@code rule} 1 to 8 and its words),
 * the facts behind it in {@code why}, and its timebox. {@code budgetShareUsed} is the share of its organization's
 * budget used this period (null without a plan with hours); {@code timeboxLeftMinutes} is null for critical tickets,
 * which have none. {@code belowCutLine}: rule 8, after "our other work".
 */
public record WorkItem(
        long id,
        long number,
        String subject,
        Priority priority,
        Impact impact,
        @Nullable String organizationName,
        boolean funded,
        int organizationsAffected,
        boolean alignedWithGoals,
        boolean alignedWithUpstream,
        @Nullable Double budgetShareUsed,
        int rule,
        String ruleWords,
        boolean belowCutLine,
        String why,
        int minutesSpent,
        @Nullable Integer timeboxLeftMinutes,
        @Nullable String ownerName,
        @Nullable String teamName,
        Instant createdAt,
        org.firstline.sla.@Nullable SlaDue sla) {

    /** The same item with the ticket's next service-level due time. */
    public WorkItem withSla(org.firstline.sla.@Nullable SlaDue due) {
        return new WorkItem(
                id,
                number,
                subject,
                priority,
                impact,
                organizationName,
                funded,
                organizationsAffected,
                alignedWithGoals,
                alignedWithUpstream,
                budgetShareUsed,
                rule,
                ruleWords,
                belowCutLine,
                why,
                minutesSpent,
                timeboxLeftMinutes,
                ownerName,
                teamName,
                createdAt,
                due);
    }
}
