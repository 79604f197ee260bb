package org.firstline.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.firstline.directory.AgentService;
import org.firstline.integration.IntegrationSettingsService;
import org.firstline.integration.Tracker;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.firstline.triage.PriorityFactorsForm;
import org.firstline.triage.PriorityService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the issues opened from tickets, by polling the trackers (each open issue every {@link #CHECK_EVERY}) and by
 * GitHub's webhook. An engineer taking an issue gives its ticket one sprint; the escalated issue closing reopens the
 * ticket for its owner, the planning issue closing resolves it; a sprint that ends with the ticket still waiting asks
 * the owner, once, to tell the customer where it stands.
 */
@Component
public class IssueWatcher {
    static final Duration CHECK_EVERY = Duration.ofMinutes(5);

    private record Open(
            long id,
            long ticketId,
            String tracker,
            String purpose,
            String externalId,
            String url,
            @Nullable Instant takenAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TrackerClient trackers;
    private final IntegrationSettingsService settings;
    private final TicketService tickets;
    private final TicketChanges changes;
    private final ConversationService conversation;
    private final AgentService agents;
    private final PriorityService priorities;
    private final TransactionTemplate transactions;

    IssueWatcher(
            JdbcClient jdbc,
            Clock clock,
            TrackerClient trackers,
            IntegrationSettingsService settings,
            TicketService tickets,
            TicketChanges changes,
            ConversationService conversation,
            AgentService agents,
            PriorityService priorities,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trackers = trackers;
        this.settings = settings;
        this.tickets = tickets;
        this.changes = changes;
        this.conversation = conversation;
        this.agents = agents;
        this.priorities = priorities;
        this.transactions = transactions;
    }

    /** Asks the trackers about open issues not checked for a while; returns how many were checked. */
    public int pollDue() {
        Instant now = clock.instant();
        List<Open> due = jdbc.sql("""
                update engineering_issue set checked_at = :now
                where id in (select id from engineering_issue where state = 'OPEN' and (checked_at is null or checked_at <= :before)
                             order by checked_at nulls first limit 50 for update skip locked)
                returning id, ticket_id, tracker, purpose, external_id, url, taken_at""")
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minus(CHECK_EVERY)))
                .query((rs, n) -> new Open(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        rs.getString("tracker"),
                        rs.getString("purpose"),
                        rs.getString("external_id"),
                        rs.getString("url"),
                        rs.getTimestamp("taken_at") == null
                                ? null
                                : rs.getTimestamp("taken_at").toInstant()))
                .list();
        for (Open issue : due) {
            var state = trackers.state(Tracker.valueOf(issue.tracker()), issue.externalId());
            if (state != null) apply(issue, state.closed(), state.taken(), state.reactions());
        }
        return due.size();
    }

    /** A GitHub "issues" event for one of our issues: closed, reopened, assigned. */
    public boolean githubEvent(String repository, long number, String action, boolean assigned, int reactions) {
        Optional<Open> issue = jdbc.sql("""
                select id, ticket_id, tracker, purpose, external_id, url, taken_at from engineering_issue
                where tracker = 'GITHUB' and external_id = ? and state = 'OPEN'""")
                .param(repository + "#" + number)
                .query((rs, n) -> new Open(
                        rs.getLong("id"),
                        rs.getLong("ticket_id"),
                        rs.getString("tracker"),
                        rs.getString("purpose"),
                        rs.getString("external_id"),
                        rs.getString("url"),
                        rs.getTimestamp("taken_at") == null
                                ? null
                                : rs.getTimestamp("taken_at").toInstant()))
                .optional();
        issue.ifPresent(i -> apply(i, "closed".equals(action), assigned, reactions));
        return issue.isPresent();
    }

    private void apply(Open issue, boolean closed, boolean taken, int reactions) {
        var system = agents.system("integration");
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            TicketView ticket = tickets.get(issue.ticketId());
            if (reactions > 0) {
                priorities.update(issue.ticketId(), new PriorityFactorsForm(null, null, null, null, reactions), system);
            }
            if (taken && issue.takenAt() == null && !closed) {
                Instant end = now.plus(Duration.ofDays(settings.secrets().sprintDays()));
                jdbc.sql(
                                "update engineering_issue set taken_at = ?, sprint_ends_at = ? where id = ? and taken_at is null")
                        .params(Timestamp.from(now), Timestamp.from(end), issue.id())
                        .update();
                note(
                        ticket,
                        "An engineer took " + issue.url() + ". The ticket has one sprint, until "
                                + end.atZone(ZoneOffset.UTC).toLocalDate() + " (UTC).",
                        system);
            }
            if (!closed) return;
            jdbc.sql("update engineering_issue set state = 'CLOSED', closed_at = ? where id = ?")
                    .params(Timestamp.from(now), issue.id())
                    .update();
            if (ticket.status() == TicketStatus.CLOSED) return;
            if ("PLANNING".equals(issue.purpose())) {
                changes.change(
                        ticket.id(),
                        TicketChange.toStatus(TicketStatus.RESOLVED, null, Resolution.PLANNED_WORK_DONE, issue.url()),
                        system);
                note(ticket, "The planning issue " + issue.url() + " was closed: the planned work is done.", system);
            } else {
                if (ticket.status() != TicketStatus.OPEN && ticket.status() != TicketStatus.NEW) {
                    changes.change(ticket.id(), TicketChange.status(TicketStatus.OPEN, null), system);
                }
                note(
                        ticket,
                        "Engineering closed " + issue.url() + ". "
                                + (ticket.ownerId() == null
                                        ? "Whoever takes this ticket"
                                        : agents.get(ticket.ownerId()).displayName())
                                + ": tell the customer and resolve the ticket.",
                        system);
            }
        });
    }

    /** Tickets still waiting on engineering when their sprint ended: the owner is asked once, unless an exception was recorded. */
    public int remindOverdue() {
        Instant now = clock.instant();
        var system = agents.system("integration");
        return transactions.execute(status -> {
            var due = jdbc.sql("""
                    update engineering_issue set overdue_noted_at = :now
                    where id in (select id from engineering_issue where state = 'OPEN' and sprint_ends_at <= :now
                                   and overdue_noted_at is null and exception_reason is null for update skip locked)
                    returning ticket_id, url""")
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .list();
            for (Object[] row : due) {
                TicketView ticket = tickets.get((Long) row[0]);
                if (ticket.status() == TicketStatus.CLOSED) continue;
                note(
                        ticket,
                        "The sprint for " + row[1] + " is over and the ticket still waits. "
                                + (ticket.ownerId() == null
                                        ? "Owner"
                                        : agents.get(ticket.ownerId()).displayName())
                                + ": tell the customer where it stands and resolve the ticket, or record an exception.",
                        system);
            }
            return due.size();
        });
    }

    private void note(TicketView ticket, String text, org.firstline.platform.AgentPrincipal system) {
        conversation.post(ticket.id(), new MessageForm(text, MessageKind.NOTE, null), system);
    }
}
