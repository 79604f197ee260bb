package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.internal.TicketLabels;
import org.firstline.ticket.internal.TicketRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every change to a ticket's fields and status, checked against the status machine and recorded by the audit trail. */
@Service
public class TicketChanges {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final TicketService tickets;
    private final TicketCollaborators collaborators;

    TicketChanges(JdbcClient jdbc, Clock clock, AuditStamp audit, TicketService tickets, TicketCollaborators collaborators) {
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
        TicketStatus status = change.status() == null ? current.status() : change.status();
        PendingReason reason = status == TicketStatus.PENDING
                ? (change.pendingReason() != null ? change.pendingReason() : current.pendingReason())
                : null;
        if (change.status() != null || change.pendingReason() != null) {
            StatusTransitions.check(current.status(), status, reason, change.resolution(), change.resolutionLink());
        }
        StatusTransitions.checkLink(change.resolutionLink());
        if (current.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + current.number() + " is closed and can no longer be changed.");
        }
        Long teamId = change.teamId() == null ? current.teamId() : change.teamId().orElse(null);
        Long ownerId = change.ownerId() == null ? current.ownerId() : change.ownerId().orElse(null);
        if (!Objects.equals(teamId, current.teamId()) || !Objects.equals(ownerId, current.ownerId())) {
            collaborators.checkAssignment(teamId, ownerId);
        }
        Long organizationId = change.organizationId() == null ? current.organizationId() : change.organizationId().orElse(null);
        if (organizationId != null && !organizationId.equals(current.organizationId())) {
            collaborators.checkOrganization(organizationId);
        }
        Long serviceId = change.serviceId() == null ? current.serviceId() : change.serviceId().orElse(null);
        if (serviceId != null) {
            collaborators.checkService(serviceId, organizationId);
        }
        Instant now = clock.instant();
        boolean resolving = status == TicketStatus.RESOLVED && current.status() != TicketStatus.RESOLVED;
        boolean reopening = current.status() == TicketStatus.RESOLVED && status == TicketStatus.OPEN;
        boolean closing = status == TicketStatus.CLOSED;
        ResolutionOutcome outcome = resolving ? ResolutionOutcome.AWAITING_CONFIRMATION
                : reopening ? null
                : closing && current.status() != TicketStatus.RESOLVED ? ResolutionOutcome.CLOSED_DIRECTLY
                : current.resolutionOutcome();
        jdbc.sql("""
                update ticket set subject = :subject, status = :status, pending_reason = :reason, priority = :priority,
                       type = :type, impact = :impact, team_id = :team, owner_id = :owner, organization_id = :organization,
                       service_id = :service, funded = :funded, funding_reference = :fundingReference,
                       resolution = :resolution, resolution_link = :resolutionLink, resolution_outcome = :outcome,
                       resolved_at = :resolvedAt, closed_at = :closedAt, updated_at = :now
                where id = :id""")
                .param("id", id)
                .param("subject", change.subject() == null ? current.subject() : change.subject().strip())
                .param("status", status.name())
                .param("reason", reason == null ? null : reason.name())
                .param("priority", (change.priority() == null ? current.priority() : change.priority()).name())
                .param("type", (change.type() == null ? current.type() : change.type()).name())
                .param("impact", (change.impact() == null ? current.impact() : change.impact()).name())
                .param("team", teamId)
                .param("owner", ownerId)
                .param("organization", organizationId)
                .param("service", serviceId)
                .param("funded", change.funded() == null ? current.funded() : change.funded())
                .param("fundingReference", change.fundingReference() == null ? current.fundingReference() : change.fundingReference())
                .param("resolution", reopening ? null : name(change.resolution() == null ? current.resolution() : change.resolution()))
                .param("resolutionLink", reopening ? null : change.resolutionLink() == null ? current.resolutionLink() : change.resolutionLink())
                .param("outcome", outcome == null ? null : outcome.name())
                .param("resolvedAt", resolving ? timestamp(now) : reopening ? null : timestamp(current.resolvedAt()))
                .param("closedAt", closing ? timestamp(now) : null)
                .param("now", timestamp(now))
                .update();
        if (change.labels() != null) {
            TicketLabels.replace(jdbc, id, change.labels());
        }
        if (change.cc() != null) {
            jdbc.sql("delete from ticket_watcher where ticket_id = ?").param(id).update();
            change.cc().stream().map(String::toLowerCase).distinct().forEach(email ->
                    jdbc.sql("insert into ticket_watcher (ticket_id, email) values (?, ?)").params(id, email).update());
        }
        announce(current, status, teamId, ownerId);
        Priority priority = change.priority() == null ? current.priority() : change.priority();
        boolean priorityChanged = priority != current.priority();
        boolean organizationChanged = !Objects.equals(organizationId, current.organizationId());
        boolean reasonChanged = status == current.status() && reason != current.pendingReason();
        if (priorityChanged || organizationChanged || reasonChanged) {
            collaborators.publish(new TicketDetailsChanged(id, priorityChanged, organizationChanged, reasonChanged));
        }
        return tickets.get(id);
    }

    /** The requester confirmed the resolution: the ticket closes. */
    @Transactional
    public TicketView confirmResolution(long id, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        TicketView current = requireResolved(id);
        Instant now = clock.instant();
        jdbc.sql("update ticket set status = 'CLOSED', resolution_outcome = 'CONFIRMED', closed_at = ?, updated_at = ? where id = ?")
                .params(timestamp(now), timestamp(now), id).update();
        collaborators.publish(new TicketStatusChanged(id, current.status(), TicketStatus.CLOSED));
        return tickets.get(id);
    }

    /** The requester says it is not fixed: the ticket reopens and goes back to triage, without team or owner. */
    @Transactional
    public TicketView rejectResolution(long id, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        TicketView current = requireResolved(id);
        jdbc.sql("""
                update ticket set status = 'OPEN', resolution_outcome = 'REJECTED', resolution = null, resolution_link = null,
                       resolved_at = null, team_id = null, owner_id = null, updated_at = ? where id = ?""")
                .params(timestamp(clock.instant()), id).update();
        announce(current, TicketStatus.OPEN, null, null);
        return tickets.get(id);
    }

    private TicketView requireResolved(long id) {
        TicketView current = lock(id);
        if (current.status() != TicketStatus.RESOLVED) {
            throw new ConflictException("Ticket #" + current.number() + " is " + current.status()
                    + "; only a RESOLVED ticket awaits the requester's confirmation.");
        }
        return current;
    }

    /** Reads the ticket and holds its row until the transaction ends, so concurrent changes queue up. */
    TicketView lock(long id) {
        if (jdbc.sql("select id from ticket where id = ? for update").param(id).query(Long.class).optional().isEmpty()) {
            throw new NotFoundException("Ticket " + id + " does not exist.");
        }
        return jdbc.sql(TicketRows.SELECT + " where t.id = ?").param(id).query(TicketRows::ticket).single();
    }

    private void announce(TicketView before, TicketStatus status, @Nullable Long teamId, @Nullable Long ownerId) {
        if (status != before.status()) {
            collaborators.publish(new TicketStatusChanged(before.id(), before.status(), status));
        }
        if (!Objects.equals(teamId, before.teamId()) || !Objects.equals(ownerId, before.ownerId())) {
            collaborators.publish(new TicketAssigned(before.id(), teamId, ownerId, before.teamId(), before.ownerId()));
        }
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
