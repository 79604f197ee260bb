package org.firstline.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.firstline.integration.internal.DeliveryQueue;
import org.firstline.integration.internal.TrackerClient;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.LinkForm;
import org.firstline.ticket.LinkKind;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Escalation to engineering and planned work. The tracker is called first and nothing changes on the ticket unless
 * it answers; then, in one transaction, the issue is recorded and linked, the ticket waits (on engineering, or as
 * scheduled work off the desk) and critical escalations ping the support-wide Slack channel.
 */
@Service
public class EngineeringIssues {
    static final String SELECT = "select * from engineering_issue";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TrackerClient trackers;
    private final TicketService tickets;
    private final TicketChanges changes;
    private final LinkService links;
    private final ConversationService conversation;
    private final IssueTexts texts;
    private final DeliveryQueue deliveries;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final String publicUrl;

    EngineeringIssues(
            JdbcClient jdbc,
            Clock clock,
            TrackerClient trackers,
            TicketService tickets,
            TicketChanges changes,
            LinkService links,
            ConversationService conversation,
            IssueTexts texts,
            DeliveryQueue deliveries,
            TransactionTemplate transactions,
            ObjectMapper json,
            FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trackers = trackers;
        this.tickets = tickets;
        this.changes = changes;
        this.links = links;
        this.conversation = conversation;
        this.texts = texts;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.json = json;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    public List<EngineeringIssue> forTicket(long ticketId) {
        return jdbc.sql(SELECT + " where ticket_id = ? order by created_at")
                .param(ticketId)
                .query(EngineeringIssues::issue)
                .list();
    }

    public EngineeringIssue get(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(EngineeringIssues::issue)
                .optional()
                .orElseThrow(() -> new NotFoundException("Engineering issue " + id + " does not exist."));
    }

    /** Opens an issue for the ticket's problem in the chosen tracker and sets the ticket pending on engineering. */
    public EngineeringIssue escalate(long ticketId, EscalationForm form, AgentPrincipal actor) {
        TicketView ticket = writable(ticketId, actor);
        var open = forTicket(ticketId).stream()
                .filter(i -> i.open() && i.purpose() == IssuePurpose.ESCALATION)
                .findFirst();
        if (open.isPresent()) {
            throw new ConflictException("Ticket #" + ticket.number() + " is already escalated: "
                    + open.get().url());
        }
        String impact = ticket.impact().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        var created = trackers.create(
                form.tracker(),
                false,
                form.summary().strip(),
                texts.escalation(ticket, form),
                List.of("type: support", "impact: " + impact));
        return transactions.execute(status -> {
            EngineeringIssue issue = record(ticket, form.tracker(), IssuePurpose.ESCALATION, created, actor);
            links.add(ticketId, new LinkForm(LinkKind.EXTERNAL_ISSUE, null, created.url(), null), actor);
            if (ticket.status() != TicketStatus.PENDING || ticket.pendingReason() != PendingReason.ENGINEERING) {
                changes.change(ticketId, TicketChange.status(TicketStatus.PENDING, PendingReason.ENGINEERING), actor);
            }
            conversation.post(
                    ticketId,
                    new MessageForm("Escalated to engineering: " + created.url(), MessageKind.NOTE, null),
                    actor);
            if (ticket.critical()) {
                deliveries.slack(
                        ticketId,
                        null,
                        "ticket.escalated",
                        json.writeValueAsString(java.util.Map.of(
                                "text",
                                ":rotating_light: Critical escalation of <" + publicUrl + "/tickets/" + ticket.number()
                                        + "|#" + ticket.number() + " " + escape(ticket.subject()) + "> (impact "
                                        + impact + "): <" + created.url() + "|" + escape(created.externalId()) + ">")));
            }
            return issue;
        });
    }

    /**
     * A workshop or other planned request: the planning issue is opened, the requester gets its link, and the ticket
     * leaves the desk as scheduled work without an owner until the issue closes.
     */
    public EngineeringIssue plan(long ticketId, Tracker tracker, AgentPrincipal actor) {
        TicketView ticket = writable(ticketId, actor);
        if (forTicket(ticketId).stream().anyMatch(i -> i.open() && i.purpose() == IssuePurpose.PLANNING)) {
            throw new ConflictException("Ticket #" + ticket.number() + " already has a planning issue.");
        }
        var created = trackers.create(
                tracker,
                true,
                texts.planningTitle(ticket, tracker),
                texts.planning(ticket, tracker),
                List.of("type: support", "planned work"));
        return transactions.execute(status -> {
            EngineeringIssue issue = record(ticket, tracker, IssuePurpose.PLANNING, created, actor);
            links.add(ticketId, new LinkForm(LinkKind.EXTERNAL_ISSUE, null, created.url(), null), actor);
            conversation.post(
                    ticketId,
                    new MessageForm(
                            "Thank you for your request. We are planning it here: " + created.url()
                                    + "\nWe will write again when it is done.",
                            MessageKind.PUBLIC,
                            null),
                    actor);
            changes.change(
                    ticketId,
                    new TicketChange(
                            null,
                            TicketStatus.PENDING,
                            PendingReason.SCHEDULED,
                            null,
                            null,
                            null,
                            null,
                            java.util.Optional.empty(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null),
                    actor);
            return issue;
        });
    }

    /** Records that the ticket may stay open past its sprint, and why. */
    public EngineeringIssue recordException(long issueId, String reason, AgentPrincipal actor) {
        var issue = get(issueId);
        writable(issue.ticketId(), actor);
        if (reason == null || reason.isBlank()) {
            throw new org.firstline.platform.InvalidRequestException("reason", "is required");
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update engineering_issue set exception_reason = ? where id = ?")
                    .params(reason.strip(), issueId)
                    .update();
            conversation.post(
                    issue.ticketId(),
                    new MessageForm(
                            "Exception recorded for " + issue.url() + ": " + reason.strip(), MessageKind.NOTE, null),
                    actor);
        });
        return get(issueId);
    }

    private EngineeringIssue record(
            TicketView ticket,
            Tracker tracker,
            IssuePurpose purpose,
            TrackerClient.Created created,
            AgentPrincipal actor) {
        long id = jdbc.sql("""
                insert into engineering_issue (ticket_id, tracker, purpose, external_id, url, impact, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        ticket.id(),
                        tracker.name(),
                        purpose.name(),
                        created.externalId(),
                        created.url(),
                        ticket.impact().name(),
                        actor.id(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return get(id);
    }

    private TicketView writable(long ticketId, AgentPrincipal actor) {
        if (!actor.role().canWrite()) throw new AccessDeniedException("Read-only agents cannot escalate tickets.");
        TicketView ticket = tickets.get(ticketId);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + ticket.number() + " is closed.");
        }
        return ticket;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static EngineeringIssue issue(ResultSet rs, int n) throws SQLException {
        return new EngineeringIssue(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                Tracker.valueOf(rs.getString("tracker")),
                IssuePurpose.valueOf(rs.getString("purpose")),
                rs.getString("external_id"),
                rs.getString("url"),
                "OPEN".equals(rs.getString("state")),
                rs.getString("impact"),
                instant(rs, "taken_at"),
                instant(rs, "sprint_ends_at"),
                rs.getString("exception_reason"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "closed_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Duration sprint(int days) {
        return Duration.ofDays(days);
    }
}
