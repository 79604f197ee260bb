package org.firstline.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a ticket list shows. Every field is optional; empty lists mean "any". {@code noTeam} and {@code noOwner}
 * select tickets without one; {@code awaitingReply} those whose last public message came from the requester;
 * {@code pendingReason} those pending for that reason; {@code q} is full text over subjects and messages, or a ticket number.
 */
public record TicketFilter(
        List<TicketStatus> statuses,
        List<Long> teamIds,
        boolean noTeam,
        @Nullable Long ownerId,
        boolean noOwner,
        @Nullable Long organizationId,
        @Nullable Long requesterId,
        @Nullable TicketType type,
        @Nullable Priority priority,
        @Nullable String label,
        @Nullable String q,
        boolean awaitingReply,
        @Nullable PendingReason pendingReason) {

    public static final List<TicketStatus> OPEN_STATUSES =
            List.of(TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING);

    public TicketFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    }

    public static TicketFilter any() {
        return new TicketFilter(
                List.of(), List.of(), false, null, false, null, null, null, null, null, null, false, null);
    }
}
