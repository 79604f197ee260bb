package org.firstline.triage;

import java.time.Instant;
import java.util.List;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.jspecify.annotations.Nullable;

/** One waiting ticket on the triage desk, with what Firstline suggests for it and who is on it now. */
public record DeskRow(
        long id,
        long number,
        String subject,
        TicketStatus status,
        Priority priority,
        TicketType type,
        Instant createdAt,
        String requesterName,
        @Nullable String organizationName,
        @Nullable String serviceName,
        @Nullable String planName,
        @Nullable Integer budgetLeftMinutes,
        @Nullable Long suggestedTeamId,
        @Nullable String suggestedTeamName,
        double suggestedTeamScore,
        List<String> matchedWords,
        @Nullable Long suggestedAssigneeId,
        @Nullable String suggestedAssigneeName,
        @Nullable String suggestedAssigneeReason,
        @Nullable Priority suggestedPriority,
        List<SimilarRef> similar,
        @Nullable String claimedBy,
        boolean claimedByMe,
        List<String> viewers,
        org.firstline.sla.@Nullable SlaDue sla) {

    /** The same row with the ticket's next service-level due time. */
    public DeskRow withSla(org.firstline.sla.@Nullable SlaDue due) {
        return new DeskRow(
                id,
                number,
                subject,
                status,
                priority,
                type,
                createdAt,
                requesterName,
                organizationName,
                serviceName,
                planName,
                budgetLeftMinutes,
                suggestedTeamId,
                suggestedTeamName,
                suggestedTeamScore,
                matchedWords,
                suggestedAssigneeId,
                suggestedAssigneeName,
                suggestedAssigneeReason,
                suggestedPriority,
                similar,
                claimedBy,
                claimedByMe,
                viewers,
                due);
    }

    /** A similar past ticket as the row shows it. */
    public record SimilarRef(
            long id, long number, String subject, @Nullable String resolution) {}
}
