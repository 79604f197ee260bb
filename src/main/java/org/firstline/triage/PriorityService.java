package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.triage.internal.PriorityRules;
import org.firstline.triage.internal.TicketFacts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ticket's priority from its factors. Recording that a workaround exists schedules a follow-up to check that the
 * requester could apply it; every later update of the ticket asks again whether its priority still holds.
 */
@Service
public class PriorityService {
    /** When to ask whether the requester could apply the workaround. */
    static final Duration WORKAROUND_FOLLOW_UP = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketFacts facts;
    private final TicketChanges changes;

    PriorityService(JdbcClient jdbc, Clock clock, TicketFacts facts, TicketChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.facts = facts;
        this.changes = changes;
    }

    public PriorityFactors factors(long ticketId) {
        return find(ticketId).orElse(PriorityFactors.none(ticketId));
    }

    private Optional<PriorityFactors> find(long ticketId) {
        return jdbc.sql("select * from ticket_priority_factors where ticket_id = ?")
                .param(ticketId)
                .query((rs, n) -> new PriorityFactors(
                        ticketId,
                        Workaround.valueOf(rs.getString("workaround")),
                        rs.getBoolean("blocks_priority_work"),
                        rs.getBoolean("aligned_with_goals"),
                        rs.getBoolean("aligned_with_upstream"),
                        rs.getInt("issue_reactions"),
                        rs.getTimestamp("priority_checked_at") == null
                                ? null
                                : rs.getTimestamp("priority_checked_at").toInstant()))
                .optional();
    }

    public PrioritySuggestion suggest(long ticketId) {
        var ticket =
                facts.of(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist."));
        return suggest(ticket);
    }

    /**
     * The suggestion for a ticket being opened, in its opening transaction: it has no recorded factors and no links
     * yet, so nothing needs reading.
     */
    PrioritySuggestion suggestForOpened(TicketFacts.Facts ticket) {
        return decide(ticket, new Recorded(PriorityFactors.none(ticket.id()), 0, 0));
    }

    /** The recorded factors and how common the problem is (tickets and organizations linked to the same issue). */
    private record Recorded(PriorityFactors factors, int linkedTickets, int linkedOrganizations) {}

    PrioritySuggestion suggest(TicketFacts.Facts ticket) {
        // the recorded factors and how common the problem is, in one round trip
        Recorded row = jdbc.sql("""
                select f.workaround, f.blocks_priority_work, f.aligned_with_goals, f.aligned_with_upstream, f.issue_reactions,
                       f.priority_checked_at, c.tickets, c.organizations
                from (select count(distinct other.ticket_id) as tickets, count(distinct t.organization_id) as organizations
                      from ticket_link mine
                      join ticket_link other on other.kind = 'EXTERNAL_ISSUE' and other.url = mine.url
                      join ticket t on t.id = other.ticket_id
                      where mine.ticket_id = :ticket and mine.kind = 'EXTERNAL_ISSUE') c
                left join ticket_priority_factors f on f.ticket_id = :ticket""")
                .param("ticket", ticket.id())
                .query((rs, n) -> new Recorded(
                        rs.getString("workaround") == null
                                ? PriorityFactors.none(ticket.id())
                                : new PriorityFactors(
                                        ticket.id(),
                                        Workaround.valueOf(rs.getString("workaround")),
                                        rs.getBoolean("blocks_priority_work"),
                                        rs.getBoolean("aligned_with_goals"),
                                        rs.getBoolean("aligned_with_upstream"),
                                        rs.getInt("issue_reactions"),
                                        rs.getTimestamp("priority_checked_at") == null
                                                ? null
                                                : rs.getTimestamp("priority_checked_at")
                                                        .toInstant()),
                        rs.getInt("tickets"),
                        rs.getInt("organizations")))
                .single();
        return decide(ticket, row);
    }

    private static PrioritySuggestion decide(TicketFacts.Facts ticket, Recorded row) {
        PriorityFactors f = row.factors();
        int[] common = {row.linkedTickets(), row.linkedOrganizations()};
        var outcome = PriorityRules.decide(new PriorityRules.Inputs(
                ticket.impact(), f.workaround(), common[0], common[1], f.issueReactions(), f.blocksPriorityWork()));
        // the question returns once the ticket changed or heard something new since the last answer
        Instant changed = ticket.lastMessageAt() == null || ticket.updatedAt().isAfter(ticket.lastMessageAt())
                ? ticket.updatedAt()
                : ticket.lastMessageAt();
        boolean stillHolds = f.priorityCheckedAt() != null && !changed.isAfter(f.priorityCheckedAt());
        return new PrioritySuggestion(
                outcome.priority(),
                ticket.priority(),
                outcome.points(),
                outcome.factors(),
                outcome.explanation(),
                stillHolds);
    }

    @Transactional
    public PriorityFactors update(long ticketId, PriorityFactorsForm form, AgentPrincipal actor) {
        if (facts.of(ticketId).isEmpty()) {
            throw new NotFoundException("Ticket " + ticketId + " does not exist.");
        }
        PriorityFactors now = factors(ticketId);
        Workaround workaround = form.workaround() == null ? now.workaround() : form.workaround();
        jdbc.sql("""
                insert into ticket_priority_factors (ticket_id, workaround, blocks_priority_work, aligned_with_goals,
                                                     aligned_with_upstream, issue_reactions, priority_checked_at, updated_at)
                values (:ticket, :workaround, :blocks, :goals, :upstream, :reactions, null, :now)
                on conflict (ticket_id) do update set workaround = excluded.workaround,
                    blocks_priority_work = excluded.blocks_priority_work, aligned_with_goals = excluded.aligned_with_goals,
                    aligned_with_upstream = excluded.aligned_with_upstream, issue_reactions = excluded.issue_reactions,
                    updated_at = excluded.updated_at""")
                .param("ticket", ticketId)
                .param("workaround", workaround.name())
                .param(
                        "blocks",
                        form.blocksPriorityWork() == null ? now.blocksPriorityWork() : form.blocksPriorityWork())
                .param("goals", form.alignedWithGoals() == null ? now.alignedWithGoals() : form.alignedWithGoals())
                .param(
                        "upstream",
                        form.alignedWithUpstream() == null ? now.alignedWithUpstream() : form.alignedWithUpstream())
                .param("reactions", form.issueReactions() == null ? now.issueReactions() : form.issueReactions())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (workaround == Workaround.YES && now.workaround() != Workaround.YES) {
            jdbc.sql("""
                    insert into triage_follow_up (ticket_id, kind, due_at) values (?, 'CONFIRM_WORKAROUND', ?)
                    on conflict (ticket_id, kind) do update set due_at = excluded.due_at, done_at = null""")
                    .params(ticketId, Timestamp.from(clock.instant().plus(WORKAROUND_FOLLOW_UP)))
                    .update();
        }
        return factors(ticketId);
    }

    /**
     * The agent answered "does the priority still hold?": with a priority it is set (an override of the suggestion is
     * the agent's call), without one the current one is confirmed.
     */
    @Transactional
    public PrioritySuggestion confirm(long ticketId, @Nullable Priority priority, AgentPrincipal actor) {
        var ticket =
                facts.of(ticketId).orElseThrow(() -> new NotFoundException("Ticket " + ticketId + " does not exist."));
        if (priority != null && priority != ticket.priority()) {
            changes.change(ticketId, TicketChange.priority(priority), actor);
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into ticket_priority_factors (ticket_id, priority_checked_at, updated_at) values (?, ?, ?)
                on conflict (ticket_id) do update set priority_checked_at = excluded.priority_checked_at""").params(ticketId, Timestamp.from(now), Timestamp.from(now)).update();
        return suggest(ticketId);
    }
}
