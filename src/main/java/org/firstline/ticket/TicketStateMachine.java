package org.firstline.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.firstline.platform.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * The ticket's lifecycle rules in one place, with no database and no Spring: from the current state and what is
 * wanted (an agent's edit, the requester's answer, a message, the unanswered-resolution sweep, a merge, a hand-over
 * to the account manager) to the next state, the events to announce and why, for the audit trail.
 * {@link StatusTransitions} says which status moves are allowed; this says everything that comes with them.
 */
final class TicketStateMachine {
    private TicketStateMachine() {}

    /** What the lifecycle decides about a ticket. */
    record State(
            long id,
            long number,
            TicketStatus status,
            @Nullable PendingReason pendingReason,
            @Nullable Resolution resolution,
            @Nullable String resolutionLink,
            @Nullable ResolutionOutcome outcome,
            @Nullable Instant resolvedAt,
            @Nullable Instant closedAt,
            @Nullable Long teamId,
            @Nullable Long ownerId) {

        static State of(TicketView t) {
            return new State(
                    t.id(),
                    t.number(),
                    t.status(),
                    t.pendingReason(),
                    t.resolution(),
                    t.resolutionLink(),
                    t.resolutionOutcome(),
                    t.resolvedAt(),
                    t.closedAt(),
                    t.teamId(),
                    t.ownerId());
        }

        State with(TicketStatus status, @Nullable PendingReason reason) {
            return new State(
                    id,
                    number,
                    status,
                    reason,
                    resolution,
                    resolutionLink,
                    outcome,
                    resolvedAt,
                    closedAt,
                    teamId,
                    ownerId);
        }

        /** Back to open work: the resolution and its time go, the outcome is for the next resolution. */
        State reopened(@Nullable ResolutionOutcome outcome, @Nullable Long teamId, @Nullable Long ownerId) {
            return new State(id, number, TicketStatus.OPEN, null, null, null, outcome, null, null, teamId, ownerId);
        }

        State closed(ResolutionOutcome outcome, Instant at) {
            return new State(
                    id,
                    number,
                    TicketStatus.CLOSED,
                    null,
                    resolution,
                    resolutionLink,
                    outcome,
                    resolvedAt,
                    at,
                    teamId,
                    ownerId);
        }
    }

    /** What is wanted of the ticket. */
    sealed interface Intent {}

    /** An agent's edit; a null field stays as it is, an empty optional clears team or owner. */
    record Edit(
            @Nullable TicketStatus status,
            @Nullable PendingReason pendingReason,
            @Nullable Resolution resolution,
            @Nullable String resolutionLink,
            @Nullable Optional<Long> teamId,
            @Nullable Optional<Long> ownerId)
            implements Intent {}

    /** The requester confirmed the resolution. */
    record Confirm() implements Intent {}

    /** The requester says it is not fixed: back to triage. */
    record Reject() implements Intent {}

    /** A public message from the requester's side. */
    record RequesterWrote() implements Intent {}

    /** An agent's public reply. */
    record AgentReplied() implements Intent {}

    /** Resolved and no answer from the requester for this many days. */
    record CloseUnanswered(int days) implements Intent {}

    /** Merged into another ticket. */
    record CloseAsDuplicate() implements Intent {}

    /** Out of scope: the organization's account manager takes it over as a lead. */
    record HandToAccountManager(long accountManagerId) implements Intent {}

    /** The next state, the events that announce it, and why when the audit trail should say so. */
    record Transition(
            State next,
            List<Object> events,
            boolean pendingReasonChanged,
            @Nullable String reason) {}

    static Transition decide(State current, Intent intent, Instant now) {
        return switch (intent) {
            case Edit edit -> edit(current, edit, now);
            case Confirm c -> transition(current, closed(current, ResolutionOutcome.CONFIRMED, now), null);
            case Reject r ->
                transition(current, resolved(current).reopened(ResolutionOutcome.REJECTED, null, null), null);
            case RequesterWrote w -> requesterWrote(current);
            case AgentReplied a ->
                transition(
                        current,
                        current.status() == TicketStatus.NEW ? current.with(TicketStatus.OPEN, null) : current,
                        null);
            case CloseUnanswered c ->
                transition(
                        current,
                        closed(current, ResolutionOutcome.AUTO_CLOSED, now),
                        "no answer from the requester in " + c.days() + " days");
            case CloseAsDuplicate d -> transition(current, duplicate(current, now), null);
            case HandToAccountManager h -> transition(current, handOver(current, h.accountManagerId()), null);
        };
    }

    private static Transition edit(State current, Edit edit, Instant now) {
        TicketStatus status = edit.status() == null ? current.status() : edit.status();
        PendingReason reason = status == TicketStatus.PENDING
                ? (edit.pendingReason() != null ? edit.pendingReason() : current.pendingReason())
                : null;
        if (edit.status() != null || edit.pendingReason() != null) {
            StatusTransitions.check(current.status(), status, reason, edit.resolution(), edit.resolutionLink());
        }
        StatusTransitions.checkLink(edit.resolutionLink());
        if (current.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + current.number() + " is closed and can no longer be changed.");
        }
        boolean resolving = status == TicketStatus.RESOLVED && current.status() != TicketStatus.RESOLVED;
        boolean reopening = current.status() == TicketStatus.RESOLVED && status == TicketStatus.OPEN;
        boolean closing = status == TicketStatus.CLOSED;
        ResolutionOutcome outcome = resolving
                ? ResolutionOutcome.AWAITING_CONFIRMATION
                : reopening
                        ? null
                        : closing && current.status() != TicketStatus.RESOLVED
                                ? ResolutionOutcome.CLOSED_DIRECTLY
                                : current.outcome();
        Long teamId = edit.teamId() == null ? current.teamId() : edit.teamId().orElse(null);
        Long ownerId =
                edit.ownerId() == null ? current.ownerId() : edit.ownerId().orElse(null);
        State next = new State(
                current.id(),
                current.number(),
                status,
                reason,
                reopening ? null : edit.resolution() == null ? current.resolution() : edit.resolution(),
                reopening ? null : edit.resolutionLink() == null ? current.resolutionLink() : edit.resolutionLink(),
                outcome,
                resolving ? now : reopening ? null : current.resolvedAt(),
                closing ? now : null,
                teamId,
                ownerId);
        return transition(current, next, null);
    }

    /** Only a message from the requester's side moves the ticket: off waiting on them, or out of resolved, with its people kept. */
    private static Transition requesterWrote(State current) {
        if (current.status() == TicketStatus.PENDING && current.pendingReason() == PendingReason.CUSTOMER) {
            return transition(current, current.with(TicketStatus.OPEN, null), null);
        }
        if (current.status() == TicketStatus.RESOLVED) {
            return transition(
                    current, current.reopened(null, current.teamId(), current.ownerId()), "requester replied");
        }
        return transition(current, current, null);
    }

    private static State closed(State current, ResolutionOutcome outcome, Instant now) {
        return resolved(current).closed(outcome, now);
    }

    private static State resolved(State current) {
        if (current.status() != TicketStatus.RESOLVED) {
            throw new ConflictException("Ticket #" + current.number() + " is " + current.status()
                    + "; only a RESOLVED ticket awaits the requester's confirmation.");
        }
        return current;
    }

    private static State duplicate(State current, Instant now) {
        if (current.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + current.number() + " is already closed.");
        }
        return new State(
                current.id(),
                current.number(),
                TicketStatus.CLOSED,
                null,
                Resolution.DUPLICATE,
                current.resolutionLink(),
                ResolutionOutcome.CLOSED_DIRECTLY,
                current.resolvedAt(),
                now,
                current.teamId(),
                current.ownerId());
    }

    /** The account manager owns it and the team stays for when it comes back; it waits on them, off the desk. */
    private static State handOver(State current, long accountManagerId) {
        if (current.status() == TicketStatus.CLOSED || current.status() == TicketStatus.RESOLVED) {
            throw new ConflictException("Ticket #" + current.number() + " is " + current.status()
                    + "; reopen it before handing it to the account manager.");
        }
        return new State(
                current.id(),
                current.number(),
                TicketStatus.PENDING,
                PendingReason.ACCOUNT_MANAGER,
                current.resolution(),
                current.resolutionLink(),
                current.outcome(),
                current.resolvedAt(),
                current.closedAt(),
                current.teamId(),
                accountManagerId);
    }

    private static Transition transition(State current, State next, @Nullable String reason) {
        List<Object> events = new ArrayList<>();
        if (next.status() != current.status()) {
            events.add(new TicketStatusChanged(current.id(), current.status(), next.status()));
        }
        if (!Objects.equals(next.teamId(), current.teamId()) || !Objects.equals(next.ownerId(), current.ownerId())) {
            events.add(new TicketAssigned(
                    current.id(), next.teamId(), next.ownerId(), current.teamId(), current.ownerId()));
        }
        boolean reasonChanged = next.status() == current.status() && next.pendingReason() != current.pendingReason();
        return new Transition(next, List.copyOf(events), reasonChanged, reason);
    }
}
