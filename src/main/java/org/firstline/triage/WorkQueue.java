package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.firstline.triage.internal.WorkQueueOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Non-incident work in 2i2c's order, ranked in the database over every open non-incident ticket with a team (see
 * {@link WorkRule} and {@link WorkQueueOrder}), a page at a time; each with its 30-minute timebox: time spent so far
 * (time entries and running timers) against it; past it, the ticket should be escalated. Critical tickets have none.
 */
@Service
public class WorkQueue {
    public static final Duration TIMEBOX = Duration.ofMinutes(30);
    public static final int MAX_PAGE = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.firstline.sla.TicketSlas slas;
    private final WorkQueueSettings settings;
    private final io.micrometer.core.instrument.Timer pageTime;

    WorkQueue(
            JdbcClient jdbc,
            Clock clock,
            org.firstline.sla.TicketSlas slas,
            WorkQueueSettings settings,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.slas = slas;
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.pageTime = io.micrometer.core.instrument.Timer.builder("firstline.triage.work-queue")
                .description("Time to rank the work queue and read one page")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /** One page of the queue, for one team or (teamId null) all. */
    public WorkQueuePage page(Long teamId, int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE) throw new InvalidRequestException("limit", "must be 1 to " + MAX_PAGE);
        if (offset < 0) throw new InvalidRequestException("offset", "must be 0 or more");
        long started = System.nanoTime();
        try {
            return read(teamId, limit, offset);
        } finally {
            pageTime.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private WorkQueuePage read(Long teamId, int limit, int offset) {
        int share = settings.budgetSharePercent();
        int[] total = {0};
        List<WorkItem> items = jdbc.sql(WorkQueueOrder.PAGE)
                .param("now", Timestamp.from(clock.instant()))
                .param("team", teamId)
                .param("share", share / 100.0)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> {
                    total[0] = rs.getInt("total");
                    return item(rs, share);
                })
                .list();
        if (items.isEmpty() && offset > 0) {
            total[0] = jdbc.sql(WorkQueueOrder.COUNT)
                    .param("team", teamId)
                    .query(Integer.class)
                    .single();
        }
        var due = slas.nextDue(items.stream().map(WorkItem::id).toList());
        return new WorkQueuePage(
                items.stream().map(i -> i.withSla(due.get(i.id()))).toList(), total[0], offset, limit, share);
    }

    private static WorkItem item(java.sql.ResultSet rs, int share) throws java.sql.SQLException {
        Integer budgetHours = rs.getObject("budget_hours", Integer.class);
        Double used = budgetHours == null || budgetHours == 0 ? null : rs.getInt("budget_used") / (budgetHours * 60.0);
        Priority priority = Priority.valueOf(rs.getString("priority"));
        Impact impact = Impact.valueOf(rs.getString("impact"));
        WorkRule rule = WorkRule.of(rs.getInt("rule"));
        int organizations = rs.getInt("organizations");
        int spent = rs.getInt("spent");
        // critical work is taken at once, outside the timebox (2i2c)
        Integer left = rs.getBoolean("critical") ? null : (int) TIMEBOX.toMinutes() - spent;
        return new WorkItem(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("subject"),
                priority,
                impact,
                rs.getString("organization"),
                rs.getBoolean("funded"),
                organizations,
                rs.getBoolean("goals"),
                rs.getBoolean("upstream"),
                used,
                rule.number(),
                rule.words(share),
                rule == WorkRule.NO_BUDGET,
                why(rule, organizations, used, impact),
                spent,
                left,
                rs.getString("owner"),
                rs.getString("team"),
                rs.getTimestamp("created_at").toInstant(),
                null);
    }

    /** The facts behind the rule, where the rule's words alone do not say them. */
    private static String why(WorkRule rule, int organizations, @Nullable Double used, Impact impact) {
        String budget = used == null
                ? "no support budget"
                : used >= 1 ? "budget used up" : Math.round(used * 100) + " % of budget used";
        return switch (rule) {
            case MANY_ORGANIZATIONS -> organizations + " organizations on the same issue";
            case HIGH_IMPACT ->
                impact.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " impact; " + budget;
            case LITTLE_BUDGET_USED, OTHER_WORK, NO_BUDGET -> budget;
            default -> "";
        };
    }

    /** Minutes spent on a ticket: its time entries and any timers running on it. */
    public int minutesSpent(long ticketId) {
        return jdbc.sql("""
                select (select coalesce(sum(e.minutes), 0) from time_entry e where e.ticket_id = :ticket)
                     + (select coalesce(sum(extract(epoch from (:now - r.started_at)) / 60), 0)::int from running_timer r
                        where r.ticket_id = :ticket)""")
                .param("ticket", ticketId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Integer.class)
                .single();
    }
}
