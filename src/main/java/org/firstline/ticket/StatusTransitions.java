package org.firstline.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The status machine: new → open → pending → resolved → closed, with reopen from resolved and direct close from
 * any open state. Closed is final: a customer who comes back gets a follow-up ticket.
 */
public final class StatusTransitions {
    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            TicketStatus.NEW,
                    EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.OPEN, EnumSet.of(TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.PENDING,
                    EnumSet.of(TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED),
            TicketStatus.RESOLVED, EnumSet.of(TicketStatus.OPEN, TicketStatus.CLOSED),
            TicketStatus.CLOSED, EnumSet.noneOf(TicketStatus.class));

    private StatusTransitions() {}

    public static boolean allowed(TicketStatus from, TicketStatus to) {
        return (from == to && from != TicketStatus.PENDING) || next(from).contains(to);
    }

    /** The statuses a ticket in {@code from} may move to, for pickers. */
    public static Set<TicketStatus> next(TicketStatus from) {
        return Objects.requireNonNull(ALLOWED.get(from), "every status has its moves");
    }

    /**
     * Refuses a forbidden move with a message that says why (409), and a move that lacks what it needs with a field
     * error (400).
     */
    public static void check(
            TicketStatus from,
            TicketStatus to,
            @Nullable PendingReason reason,
            @Nullable Resolution resolution,
            @Nullable String link) {
        if (!allowed(from, to)) {
            throw new ConflictException(explain(from, to));
        }
        if (to == TicketStatus.PENDING && reason == null) {
            throw new InvalidRequestException(
                    "pendingReason", "is required when the status is PENDING: say whom the ticket waits on");
        }
        if (to == TicketStatus.RESOLVED && from != TicketStatus.RESOLVED) {
            if (resolution == null) {
                throw new InvalidRequestException(
                        "resolution", "is required to resolve a ticket: say how it was fixed");
            }
            if (resolution.needsLink() && (link == null || link.isBlank())) {
                throw new InvalidRequestException(
                        "resolutionLink", "is required for a " + resolution + " resolution: link the change");
            }
        }
        checkLink(link);
    }

    /** The link is shown as a link to agents and requesters: only web addresses, never javascript: or data:. */
    public static void checkLink(@Nullable String link) {
        if (link != null && !link.isBlank() && !link.strip().matches("(?i)https?://[^\\s<>\"]+")) {
            throw new InvalidRequestException("resolutionLink", "must be an http:// or https:// address");
        }
    }

    private static String explain(TicketStatus from, TicketStatus to) {
        if (from == TicketStatus.CLOSED) {
            return "Ticket is closed; a closed ticket cannot change status. Open a follow-up ticket instead.";
        }
        if (to == TicketStatus.NEW) {
            return "A ticket cannot go back to NEW once it has left it.";
        }
        if (from == TicketStatus.RESOLVED && to == TicketStatus.PENDING) {
            return "A resolved ticket cannot be set pending; reopen it first.";
        }
        return "A ticket cannot move from " + from + " to " + to + ".";
    }
}
