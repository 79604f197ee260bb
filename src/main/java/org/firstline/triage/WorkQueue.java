package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.firstline.triage.internal.BudgetSql;
import org.firstline.triage.internal.WorkQueueOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Non-incident work in 2i2c's order (see {@link WorkQueueOrder}), each with its 30-minute timebox: time spent so far
 * (time entries and running timers) against it; past it, the ticket should be escalated. Critical tickets have none.
 */
@Service
public class WorkQueue {
    public static final Duration TIMEBOX = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    private final org.firstline.sla.TicketSlas slas;

    WorkQueue(JdbcClient jdbc, Clock clock, org.firstline.sla.TicketSlas slas) {
        this.slas = slas;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The queue, for one team or (teamId null) all; at most {@code limit} tickets, newest activity considered first. */
    public List<WorkItem> items(Long teamId, int limit) {
        Instant now = clock.instant();
        record Row(WorkItem item, WorkQueueOrder.Entry entry) {}
        List<Row> rows = jdbc.sql("""
                with candidates as (
                    select t.* from ticket t
                    where t.status in ('NEW', 'OPEN') and t.type <> 'INCIDENT' and t.team_id is not null
                      and (cast(:team as bigint) is null or t.team_id = :team)
                    order by t.updated_at desc limit :limit),
                """ + BudgetSql.budgets("select organization_id from candidates") + """
                select t.id, t.number, t.subject, t.priority, t.impact, impact_is_critical(t.impact) as critical, t.funded, t.created_at,
                       o.name as organization,
                       ow.display_name as owner, tm.name as team,
                       coalesce(f.aligned_with_goals, false) as goals, coalesce(f.aligned_with_upstream, false) as upstream,
                       (select count(distinct lt.organization_id) from ticket_link mine
                          join ticket_link other on other.kind = 'EXTERNAL_ISSUE' and other.url = mine.url
                          join ticket lt on lt.id = other.ticket_id
                        where mine.ticket_id = t.id and mine.kind = 'EXTERNAL_ISSUE') as organizations,
                       b.budget_hours, b.budget_used,
                       (select coalesce(sum(e.minutes), 0) from time_entry e where e.ticket_id = t.id)
                         + (select coalesce(sum(extract(epoch from (:now - r.started_at)) / 60), 0)::int from running_timer r
                            where r.ticket_id = t.id) as spent
                from candidates t
                left join organization o on o.id = t.organization_id
                left join budgets b on b.organization_id = t.organization_id
                left join agent ow on ow.id = t.owner_id
                left join team tm on tm.id = t.team_id
                left join ticket_priority_factors f on f.ticket_id = t.id""")
                .param("now", Timestamp.from(now))
                .param("team", teamId)
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> {
                    Integer budgetHours = rs.getObject("budget_hours", Integer.class);
                    Double share = budgetHours == null || budgetHours == 0 ? null : rs.getInt("budget_used") / (budgetHours * 60.0);
                    Priority priority = Priority.valueOf(rs.getString("priority"));
                    Impact impact = Impact.valueOf(rs.getString("impact"));
                    var entry = new WorkQueueOrder.Entry(rs.getLong("id"), rs.getBoolean("funded"), rs.getInt("organizations"),
                            rs.getBoolean("goals"), rs.getBoolean("upstream"), share, impact, rs.getTimestamp("created_at").toInstant());
                    int spent = rs.getInt("spent");
                    // critical work is taken at once, outside the timebox (2i2c)
                    Integer left = rs.getBoolean("critical") ? null : (int) TIMEBOX.toMinutes() - spent;
                    var item = new WorkItem(entry.id(), rs.getLong("number"), rs.getString("subject"), priority, impact,
                            rs.getString("organization"), entry.funded(), entry.organizationsAffected(), entry.alignedWithGoals(),
                            entry.alignedWithUpstream(), share, !entry.aboveCutLine(), entry.why(), spent, left,
                            rs.getString("owner"), rs.getString("team"), entry.createdAt(), null);
                    return new Row(item, entry);
                })
                .list();
        var due = slas.nextDue(rows.stream().map(r -> r.item().id()).toList());
        return WorkQueueOrder.sort(rows, Row::entry).stream().map(r -> r.item().withSla(due.get(r.item().id()))).toList();
    }

    /** Minutes spent on a ticket: its time entries and any timers running on it. */
    public int minutesSpent(long ticketId) {
        return jdbc.sql("""
                select (select coalesce(sum(e.minutes), 0) from time_entry e where e.ticket_id = :ticket)
                     + (select coalesce(sum(extract(epoch from (:now - r.started_at)) / 60), 0)::int from running_timer r
                        where r.ticket_id = :ticket)""")
                .param("ticket", ticketId).param("now", Timestamp.from(clock.instant())).query(Integer.class).single();
    }
}
