package org.firstline.integration;

import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out of scope (dxw): a ticket marked chargeable becomes a lead for its organization's account manager, with an
 * estimate in hours and the reason; the account manager becomes the ticket's owner, it waits on them, and they are
 * told by mail. An organization without an account manager is refused.
 */
@Service
public class ChargeableLeads {
    private static final String SELECT = """
            select l.*, t.number, t.subject, o.name as organization_name, am.display_name as manager_name, cb.display_name as creator
            from chargeable_lead l join ticket t on t.id = l.ticket_id left join organization o on o.id = l.organization_id
            left join agent am on am.id = l.account_manager_id join agent cb on cb.id = l.created_by
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketService tickets;
    private final TicketChanges changes;
    private final ConversationService conversation;
    private final OrganizationService organizations;
    private final AgentService agents;
    private final ApplicationEventPublisher events;

    ChargeableLeads(
            JdbcClient jdbc,
            Clock clock,
            TicketService tickets,
            TicketChanges changes,
            ConversationService conversation,
            OrganizationService organizations,
            AgentService agents,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tickets = tickets;
        this.changes = changes;
        this.conversation = conversation;
        this.organizations = organizations;
        this.agents = agents;
    }

    @Transactional
    public ChargeableLead markChargeable(long ticketId, ChargeableForm form, AgentPrincipal actor) {
        if (!actor.role().canWrite())
            throw new AccessDeniedException("Read-only agents cannot mark tickets chargeable.");
        var ticket = tickets.get(ticketId);
        if (ticket.status() == TicketStatus.CLOSED)
            throw new ConflictException("Ticket #" + ticket.number() + " is closed.");
        if (ticket.organizationId() == null) {
            throw new InvalidRequestException(
                    "organizationId", "the ticket has no organization to charge; set it first");
        }
        var organization = organizations.get(ticket.organizationId());
        if (organization.accountManagerId() == null) {
            throw new ConflictException(organization.name()
                    + " has no account manager to hand out-of-scope work to; set one on the" + " organization first.");
        }
        long id = jdbc.sql("""
                insert into chargeable_lead (ticket_id, organization_id, account_manager_id, estimate_hours, reason, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        ticketId,
                        organization.id(),
                        organization.accountManagerId(),
                        form.estimateHours().setScale(1, RoundingMode.HALF_UP),
                        form.reason().strip(),
                        actor.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        String manager = agents.get(organization.accountManagerId()).displayName();
        conversation.post(
                ticketId,
                new MessageForm(
                        "Out of scope: chargeable, about "
                                + form.estimateHours().stripTrailingZeros().toPlainString() + " h. Handed to " + manager
                                + " as a lead. Reason: " + form.reason().strip(),
                        MessageKind.NOTE,
                        null),
                actor);
        // a resolved ticket's support work is done: the lead is the account manager's, the ticket stays as it is
        if (ticket.status() != TicketStatus.RESOLVED) {
            changes.handToAccountManager(ticketId, actor);
        }
        events.publishEvent(new ChargeableLeadRaised(id, ticketId, organization.accountManagerId()));
        return get(id);
    }

    public ChargeableLead get(long id) {
        return jdbc.sql(SELECT + " where l.id = ?")
                .param(id)
                .query(ChargeableLeads::lead)
                .single();
    }

    public List<ChargeableLead> forTicket(long ticketId) {
        return jdbc.sql(SELECT + " where l.ticket_id = ? order by l.created_at")
                .param(ticketId)
                .query(ChargeableLeads::lead)
                .list();
    }

    /** An account manager's leads, or (managerId null) everyone's, newest first. */
    public List<ChargeableLead> list(@Nullable Long managerId) {
        return managerId == null
                ? jdbc.sql(SELECT + " order by l.created_at desc limit 500")
                        .query(ChargeableLeads::lead)
                        .list()
                : jdbc.sql(SELECT + " where l.account_manager_id = ? order by l.created_at desc limit 500")
                        .param(managerId)
                        .query(ChargeableLeads::lead)
                        .list();
    }

    private static ChargeableLead lead(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ChargeableLead(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getLong("number"),
                rs.getString("subject"),
                rs.getObject("organization_id", Long.class),
                rs.getString("organization_name"),
                rs.getObject("account_manager_id", Long.class),
                rs.getString("manager_name"),
                rs.getBigDecimal("estimate_hours"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("creator"),
                rs.getTimestamp("created_at").toInstant());
    }
}
