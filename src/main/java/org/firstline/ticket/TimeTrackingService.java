package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.instant;
import static org.firstline.ticket.internal.TicketRows.requiredInstant;
import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Time spent on tickets: entries by hand and a start/stop timer per agent and ticket. */
@Service
public class TimeTrackingService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final TicketService tickets;

    TimeTrackingService(JdbcClient jdbc, Clock clock, AuditStamp audit, TicketService tickets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.tickets = tickets;
    }

    public List<TimeEntryView> entries(long ticketId) {
        return jdbc.sql("select * from time_entry where ticket_id = ? order by worked_at, id")
                .param(ticketId)
                .query(TimeTrackingService::entry)
                .list();
    }

    @Transactional
    public TimeEntryView record(long ticketId, TimeEntryForm form, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        tickets.get(ticketId);
        Instant now = clock.instant();
        Instant workedAt = form.workedAt() == null ? now : form.workedAt();
        if (workedAt.isAfter(now)) {
            throw new InvalidRequestException("workedAt", "must not be in the future");
        }
        audit.stamp(actor.auditName());
        long id = jdbc.sql("""
                insert into time_entry (ticket_id, agent_id, minutes, billable, note, worked_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        ticketId,
                        actor.id(),
                        form.minutes(),
                        form.billable() == null || form.billable(),
                        form.note() == null ? "" : form.note(),
                        timestamp(workedAt),
                        timestamp(now))
                .query(Long.class)
                .single();
        return jdbc.sql("select * from time_entry where id = ?")
                .param(id)
                .query(TimeTrackingService::entry)
                .single();
    }

    /** When this agent's timer on this ticket started, if it runs. */
    public Optional<Instant> timerStartedAt(long ticketId, long agentId) {
        return jdbc.sql("select started_at from running_timer where ticket_id = ? and agent_id = ?")
                .params(ticketId, agentId)
                .query((rs, n) -> instant(rs, "started_at"))
                .optional();
    }

    public int totalMinutes(long ticketId) {
        return jdbc.sql("select coalesce(sum(minutes), 0) from time_entry where ticket_id = ?")
                .param(ticketId)
                .query(Integer.class)
                .single();
    }

    /** Billable minutes on an organization's non-incident tickets since a moment: what its support budget has used. */
    public int budgetMinutesUsed(long organizationId, Instant since) {
        return jdbc.sql("""
                select coalesce(sum(e.minutes), 0) from time_entry e join ticket t on t.id = e.ticket_id
                where t.organization_id = ? and t.type <> 'INCIDENT' and e.billable and e.worked_at >= ?""")
                .params(organizationId, timestamp(since))
                .query(Integer.class)
                .single();
    }

    @Transactional
    public Instant startTimer(long ticketId, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        tickets.get(ticketId);
        Instant now = clock.instant();
        int started = jdbc.sql(
                        "insert into running_timer (agent_id, ticket_id, started_at) values (?, ?, ?) on conflict do nothing")
                .params(actor.id(), ticketId, timestamp(now))
                .update();
        if (started == 0) {
            throw new ConflictException("Your timer on this ticket is already running.");
        }
        return now;
    }

    /** Stops the timer and records what it measured, rounded up to the minute. */
    @Transactional
    public TimeEntryView stopTimer(long ticketId, boolean billable, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        Instant startedAt = jdbc.sql(
                        "delete from running_timer where agent_id = ? and ticket_id = ? returning started_at")
                .params(actor.id(), ticketId)
                .query((rs, n) -> instant(rs, "started_at"))
                .optional()
                .orElseThrow(() -> new ConflictException("Your timer on this ticket is not running."));
        long seconds = Math.max(1, Duration.between(startedAt, clock.instant()).toSeconds());
        int minutes = (int) Math.min(1440, (seconds + 59) / 60);
        return record(ticketId, new TimeEntryForm(minutes, billable, "Timer", startedAt), actor);
    }

    private static TimeEntryView entry(ResultSet rs, int n) throws SQLException {
        return new TimeEntryView(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getLong("agent_id"),
                rs.getInt("minutes"),
                rs.getBoolean("billable"),
                rs.getString("note"),
                requiredInstant(rs, "worked_at"),
                requiredInstant(rs, "created_at"));
    }
}
