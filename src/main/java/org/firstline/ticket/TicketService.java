package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.directory.OrganizationView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.internal.TicketLabels;
import org.firstline.ticket.internal.TicketRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens tickets and reads them; changes go through {@link TicketChanges}. */
@Service
public class TicketService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final ContactService contacts;
    private final TicketCollaborators collaborators;

    TicketService(
            JdbcClient jdbc,
            Clock clock,
            AuditStamp audit,
            ContactService contacts,
            TicketCollaborators collaborators) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.contacts = contacts;
        this.collaborators = collaborators;
    }

    public TicketView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Ticket " + id + " does not exist."));
    }

    public Optional<TicketView> find(long id) {
        return jdbc.sql(TicketRows.SELECT + " where t.id = ?")
                .param(id)
                .query(TicketRows::ticket)
                .optional();
    }

    public Optional<TicketView> byNumber(long number) {
        return jdbc.sql(TicketRows.SELECT + " where t.number = ?")
                .param(number)
                .query(TicketRows::ticket)
                .optional();
    }

    /**
     * Opens a ticket with its first message. With an idempotency key, a retry of the same create returns the
     * ticket the first call made instead of a second one.
     */
    @Transactional
    public TicketView open(OpenTicketForm form, AgentPrincipal actor, @Nullable String idempotencyKey) {
        requireWriter(actor);
        if (form.importsHistory() && !actor.isAdmin()) {
            throw new AccessDeniedException(
                    "Only admins may set createdAt, status, teamId or ownerId when opening a ticket.");
        }
        if (idempotencyKey != null) {
            var existing = earlierCreate(actor, idempotencyKey, form);
            if (existing.isPresent()) {
                return get(existing.get());
            }
        }
        audit.stamp(actor.auditName());
        Instant now = clock.instant();
        Instant createdAt = form.createdAt() == null ? now : form.createdAt();
        if (createdAt.isAfter(now)) {
            throw new InvalidRequestException("createdAt", "must not be in the future");
        }
        ContactView requester = contacts.joinDomainOrganization(
                contacts.findOrCreate(form.requester().email(), form.requester().name()),
                form.requester().email());
        Long organizationId = organizationFor(form, requester);
        Long serviceId = form.serviceId();
        if (serviceId != null) {
            collaborators.checkService(serviceId, organizationId);
        }
        // history brought in from another desk keeps its status; anything new from a non-representative waits for
        // approval
        OrganizationView organization = organizationId == null ? null : collaborators.organization(organizationId);
        List<Long> approvers = form.status() == null ? collaborators.approversFor(requester, organization) : List.of();
        TicketStatus status =
                form.status() != null ? form.status() : approvers.isEmpty() ? TicketStatus.NEW : TicketStatus.PENDING;
        PendingReason reason = form.status() != null
                ? form.pendingReason()
                : approvers.isEmpty() ? null : PendingReason.REPRESENTATIVE_APPROVAL;
        if (status == TicketStatus.PENDING && reason == null) {
            throw new InvalidRequestException("pendingReason", "is required when the status is PENDING");
        }
        collaborators.checkAssignment(form.teamId(), form.ownerId());
        TicketView inserted = jdbc.sql("""
                insert into ticket (subject, requester_id, organization_id, service_id, channel, type, priority, impact, status,
                                    pending_reason, team_id, owner_id, funded, funding_reference, internal, created_at, updated_at,
                                    resolved_at, closed_at)
                values (:subject, :requester, :organization, :service, :channel, :type, :priority, :impact, :status,
                        :reason, :team, :owner, :funded, :fundingReference, :internal, :createdAt, :createdAt,
                        :resolvedAt, :closedAt)
                returning *, '{}'::text[] as label_names, '{}'::text[] as cc_emails, impact_is_critical(impact) as critical""")
                .param("subject", form.subject().strip())
                .param("requester", requester.id())
                .param("organization", organizationId)
                .param("service", serviceId)
                .param("channel", (form.channel() == null ? Channel.API : form.channel()).name())
                .param("type", (form.type() == null ? TicketType.QUESTION : form.type()).name())
                .param("priority", (form.priority() == null ? Priority.NORMAL : form.priority()).name())
                .param("impact", (form.impact() == null ? Impact.NONE : form.impact()).name())
                .param("status", status.name())
                .param(
                        "reason",
                        status == TicketStatus.PENDING
                                ? Objects.requireNonNull(reason, "required above when PENDING")
                                        .name()
                                : null)
                .param("team", form.teamId())
                .param("owner", form.ownerId())
                .param("funded", Boolean.TRUE.equals(form.funded()))
                .param("fundingReference", form.fundingReference())
                .param("internal", Boolean.TRUE.equals(form.internal()))
                .param("createdAt", timestamp(createdAt))
                .param(
                        "resolvedAt",
                        status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED ? timestamp(createdAt) : null)
                .param("closedAt", status == TicketStatus.CLOSED ? timestamp(createdAt) : null)
                .query(TicketRows::ticket)
                .single();
        long id = inserted.id();
        jdbc.sql(
                        "insert into message (ticket_id, kind, author_contact_id, body, created_at) values (?, 'PUBLIC', ?, ?, ?)")
                .params(id, requester.id(), form.body(), timestamp(createdAt))
                .update();
        if (form.labels() != null && !form.labels().isEmpty()) {
            TicketLabels.replace(jdbc, id, form.labels());
        }
        if (form.cc() != null) {
            form.cc().stream()
                    .map(String::toLowerCase)
                    .distinct()
                    .forEach(email -> jdbc.sql("insert into ticket_watcher (ticket_id, email) values (?, ?)")
                            .params(id, email)
                            .update());
        }
        if (idempotencyKey != null) {
            int recorded = jdbc.sql("""
                    insert into ticket_idempotency (agent_id, idempotency_key, ticket_id, created_at, request_digest)
                    values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(actor.id(), idempotencyKey, id, timestamp(now), digest(form))
                    .update();
            if (recorded == 0) {
                throw new ConcurrentCreateException(idempotencyKey);
            }
        }
        // labels and cc live in their own tables: read the ticket back only when there are some
        boolean extras = (form.labels() != null && !form.labels().isEmpty())
                || (form.cc() != null && !form.cc().isEmpty());
        TicketView ticket = extras ? get(id) : inserted;
        collaborators.publish(new TicketOpened(ticket, organization == null ? null : organization.planId()));
        if (!approvers.isEmpty()) {
            collaborators.publish(new TicketHeldForApproval(id, requester.id(), approvers));
        }
        return ticket;
    }

    /** The ticket a concurrent create with the same idempotency key made; called after this one rolled back. */
    public TicketView byIdempotencyKey(AgentPrincipal actor, String key, OpenTicketForm form) {
        return earlierCreate(actor, key, form)
                .map(this::get)
                .orElseThrow(() -> new NotFoundException("No ticket for idempotency key " + key));
    }

    /** The ticket an earlier create with this key made; the same key with another body is refused. */
    private java.util.Optional<Long> earlierCreate(AgentPrincipal actor, String key, OpenTicketForm form) {
        record Earlier(long ticketId, String digest) {}
        var earlier = jdbc.sql(
                        "select ticket_id, request_digest from ticket_idempotency where agent_id = ? and idempotency_key = ?")
                .params(actor.id(), key)
                .query((rs, n) -> new Earlier(rs.getLong(1), rs.getString(2)))
                .optional();
        if (earlier.isPresent()
                && earlier.get().digest() != null
                && !earlier.get().digest().equals(digest(form))) {
            throw new org.firstline.platform.UnprocessableRequestException(
                    "This Idempotency-Key was used for a different ticket; use a new key for a new ticket.");
        }
        return earlier.map(Earlier::ticketId);
    }

    private static String digest(OpenTicketForm form) {
        try {
            var sha = java.security.MessageDigest.getInstance("SHA-256");
            return java.util.HexFormat.of()
                    .formatHex(sha.digest(form.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One organization from the contact decides it (a contact in none has joined its domain's by now); a contact in
     * several leaves it to be confirmed by the triager.
     */
    private @Nullable Long organizationFor(OpenTicketForm form, ContactView requester) {
        if (form.organizationId() != null) {
            collaborators.checkOrganization(form.organizationId());
            return form.organizationId();
        }
        List<ContactView.Membership> memberships = requester.organizations();
        return memberships.size() == 1 ? memberships.get(0).organizationId() : null;
    }

    static void requireWriter(AgentPrincipal actor) {
        if (!actor.role().canWrite()) {
            throw new AccessDeniedException("Read-only agents cannot change tickets.");
        }
    }

    /** Thrown to roll back a create that lost the race for its idempotency key. */
    public static final class ConcurrentCreateException extends RuntimeException {
        public ConcurrentCreateException(String key) {
            super("A concurrent create used idempotency key " + key);
        }
    }
}
