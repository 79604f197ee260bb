package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.time.Clock;
import java.util.Objects;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.TicketStateMachine.State;
import org.firstline.ticket.TicketStateMachine.Transition;
import org.firstline.ticket.internal.TicketAuditReasons;
import org.firstline.ticket.internal.TicketLabels;
import org.firstline.ticket.internal.TicketRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to a ticket's fields and status. What a change does to status, resolution and assignment is decided by
 * {@link TicketStateMachine}; this checks what the directory must say, writes, and announces. The audit trail records it.
 */
@Service
public class TicketChanges {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final TicketService tickets;
    private final TicketCollaborators collaborators;

    TicketChanges(
            JdbcClient jdbc, Clock clock, AuditStamp audit, TicketService tickets, TicketCollaborators collaborators) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tickets = tickets;
        this.collaborators = collaborators;
    }

    @Transactional
    public TicketView change(long id, TicketChange change, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        TicketView current = lock(id);
        Transition transition = TicketStateMachine.decide(
                State.of(current),
                new TicketStateMachine.Edit(
                        change.status(),
                        change.pendingReason(),
                        change.resolution(),
                        change.resolutionLink(),
                        change.teamId(),
                        change.ownerId()),
                clock.instant());
        State next = transition.next();
        if (!Objects.equals(next.teamId(), current.teamId()) || !Objects.equals(next.ownerId(), current.ownerId())) {
            collaborators.checkAssignment(next.teamId(), next.ownerId());
        }
        Long organizationId = change.organizationId() == null
                ? current.organizationId()
                : change.organizationId().orElse(null);
        boolean organizationChanged = !Objects.equals(organizationId, current.organizationId());
        if (organizationId != null && organizationChanged) {
            collaborators.checkOrganization(organizationId);
            if (collaborators.checkFiling(
                    current.requesterId(), organizationId, Boolean.TRUE.equals(change.confirmNotRepresentative()))) {
                TicketAuditReasons.record(
                        jdbc,
                        id,
                        "organization_id",
                        "filed there though the requester is not a representative (confirmed)");
            }
        }
        Long serviceId = change.serviceId() == null
                ? current.serviceId()
                : change.serviceId().orElse(null);
        if (serviceId != null) {
            collaborators.checkService(serviceId, organizationId);
        }
        Priority priority = change.priority() == null ? current.priority() : change.priority();
        bind(jdbc.sql("""
                update ticket set subject = :subject, priority = :priority, type = :type, impact = :impact,
                       organization_id = :organization, service_id = :service, funded = :funded, funding_reference = :fundingReference,
                """ + STATE_COLUMNS + " where id = :id"), next)
                .param(
                        "subject",
                        change.subject() == null
                                ? current.subject()
                                : change.subject().strip())
                .param("priority", priority.name())
                .param("type", (change.type() == null ? current.type() : change.type()).name())
                .param("impact", (change.impact() == null ? current.impact() : change.impact()).name())
                .param("organization", organizationId)
                .param("service", serviceId)
                .param("funded", change.funded() == null ? current.funded() : change.funded())
                .param(
                        "fundingReference",
                        change.fundingReference() == null ? current.fundingReference() : change.fundingReference())
                .update();
        if (change.labels() != null) {
            TicketLabels.replace(jdbc, id, change.labels());
        }
        if (change.cc() != null) {
            jdbc.sql("delete from ticket_watcher where ticket_id = ?").param(id).update();
            change.cc().stream()
                    .map(String::toLowerCase)
                    .distinct()
                    .forEach(email -> jdbc.sql("insert into ticket_watcher (ticket_id, email) values (?, ?)")
                            .params(id, email)
                            .update());
        }
        transition.events().forEach(collaborators::publish);
        boolean priorityChanged = priority != current.priority();
        boolean impactChanged = change.impact() != null && change.impact() != current.impact();
        if (priorityChanged || organizationChanged || transition.pendingReasonChanged() || impactChanged) {
            var after = tickets.get(id);
            collaborators.publish(new TicketDetailsChanged(
                    id,
                    priorityChanged,
                    organizationChanged,
                    transition.pendingReasonChanged(),
                    impactChanged,
                    after.critical()));
            return after;
        }
        return tickets.get(id);
    }

    /** The requester confirmed the resolution: the ticket closes. */
    @Transactional
    public TicketView confirmResolution(long id, AgentPrincipal actor) {
        return apply(id, new TicketStateMachine.Confirm(), actor);
    }

    /** The requester says it is not fixed: the ticket reopens and goes back to triage, without team or owner. */
    @Transactional
    public TicketView rejectResolution(long id, AgentPrincipal actor) {
        return apply(id, new TicketStateMachine.Reject(), actor);
    }

    /**
     * Out of scope: the ticket's organization's account manager becomes its owner (the one owner who need not be in the
     * ticket's team) and it waits on them, off the triage desk and with its clocks paused like any wait on someone else.
     */
    @Transactional
    public TicketView handToAccountManager(long id, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        TicketView current = lock(id);
        long manager = collaborators.accountManagerOf(current);
        apply(current, new TicketStateMachine.HandToAccountManager(manager));
        return tickets.get(id);
    }

    /**
     * Closes a resolved ticket whose requester did not answer for {@code days}, with a note saying so; a ticket answered
     * meanwhile (no longer resolved) is left alone. Runs in the sweep's transaction, which holds the row.
     */
    void closeUnanswered(long id, int days, AgentPrincipal system) {
        audit.stamp(system.auditName());
        TicketView current = lock(id);
        if (current.status() != TicketStatus.RESOLVED) {
            return;
        }
        long note = jdbc.sql("""
                insert into message (ticket_id, kind, author_agent_id, body, created_at) values (?, 'NOTE', ?, ?, ?) returning id""")
                .params(
                        id,
                        system.id(),
                        "Closed automatically: no answer from the requester in " + days + " days.",
                        timestamp(clock.instant()))
                .query(Long.class)
                .single();
        apply(current, new TicketStateMachine.CloseUnanswered(days));
        collaborators.publish(new MessagePosted(id, note, MessageKind.NOTE, true));
    }

    private TicketView apply(long id, TicketStateMachine.Intent intent, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        apply(lock(id), intent);
        return tickets.get(id);
    }

    /** Carries out what the state machine decides for a ticket whose row the caller holds, and announces it. */
    Transition apply(TicketView current, TicketStateMachine.Intent intent) {
        Transition transition = TicketStateMachine.decide(State.of(current), intent, clock.instant());
        write(transition.next());
        if (transition.reason() != null) {
            TicketAuditReasons.record(jdbc, current.id(), "status", transition.reason());
        }
        transition.events().forEach(collaborators::publish);
        if (transition.pendingReasonChanged()) {
            collaborators.publish(
                    new TicketDetailsChanged(current.id(), false, false, true, false, current.critical()));
        }
        return transition;
    }

    private static final String STATE_COLUMNS = """
            status = :status, pending_reason = :reason, resolution = :resolution, resolution_link = :link,
            resolution_outcome = :outcome, resolved_at = :resolvedAt, closed_at = :closedAt, team_id = :team, owner_id = :owner,
            updated_at = :now""";

    private void write(State state) {
        bind(jdbc.sql("update ticket set " + STATE_COLUMNS + " where id = :id"), state)
                .update();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, State state) {
        return statement
                .param("id", state.id())
                .param("status", state.status().name())
                .param("reason", name(state.pendingReason()))
                .param("resolution", name(state.resolution()))
                .param("link", state.resolutionLink())
                .param("outcome", name(state.outcome()))
                .param("resolvedAt", timestamp(state.resolvedAt()))
                .param("closedAt", timestamp(state.closedAt()))
                .param("team", state.teamId())
                .param("owner", state.ownerId())
                .param("now", timestamp(clock.instant()));
    }

    /** Reads the ticket and holds its row until the transaction ends, so concurrent changes queue up. */
    TicketView lock(long id) {
        if (jdbc.sql("select id from ticket where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional()
                .isEmpty()) {
            throw new NotFoundException("Ticket " + id + " does not exist.");
        }
        return jdbc.sql(TicketRows.SELECT + " where t.id = ?")
                .param(id)
                .query(TicketRows::ticket)
                .single();
    }

    void announceStatus(long ticketId, TicketStatus from, TicketStatus to) {
        collaborators.publish(new TicketStatusChanged(ticketId, from, to));
    }

    void publishMessage(MessagePosted event) {
        collaborators.publish(event);
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
