package org.firstline.sla;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads a ticket's clocks, and the next due time of many tickets at once. */
@Service
public class TicketSlas {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CalendarService calendars;

    TicketSlas(JdbcClient jdbc, Clock clock, CalendarService calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendars = calendars;
    }

    public TicketSlaView forTicket(long ticketId) {
        Instant now = clock.instant();
        var pauses = jdbc.sql(
                        "select reason, started_at, ended_at from ticket_sla_pause where ticket_id = ? order by started_at")
                .param(ticketId)
                .query((rs, n) ->
                        new PauseView(rs.getString(1), rs.getTimestamp(2).toInstant(), instant(rs.getTimestamp(3))))
                .list();
        var intervals = pauses.stream()
                .map(p -> new Interval(p.startedAt(), p.endedAt()))
                .toList();
        var targets = jdbc.sql("""
                select s.target, s.cycle, s.started_at, s.due_at, s.warn_at, s.met_at, s.breached_at, s.stopped_at, s.calendar_id,
                       c.name as calendar
                from ticket_sla s left join business_calendar c on c.id = s.calendar_id
                where s.ticket_id = ? order by s.started_at, s.target""")
                .param(ticketId)
                .query((rs, n) -> clock(rs, now, intervals))
                .list();
        String policy =
                jdbc.sql("""
                select p.name from ticket_sla s join sla_policy p on p.id = s.policy_id where s.ticket_id = ? order by s.id desc limit 1""").param(ticketId).query(String.class).optional().orElse(null);
        return new TicketSlaView(ticketId, policy, targets, pauses);
    }

    /** For each ticket with a running clock, the soonest due one (a paused clock when all are paused). */
    public Map<Long, SlaDue> nextDue(List<Long> ticketIds) {
        var due = new HashMap<Long, SlaDue>();
        if (ticketIds.isEmpty()) return due;
        Instant now = clock.instant();
        jdbc.sql("""
                select distinct on (ticket_id) ticket_id, target, due_at, warn_at, breached_at from ticket_sla
                where ticket_id = any(?) and met_at is null and stopped_at is null
                order by ticket_id, due_at nulls last""").param(ticketIds.toArray(Long[]::new)).query(rs -> {
            Instant dueAt = instant(rs.getTimestamp("due_at"));
            ClockState state = rs.getTimestamp("breached_at") != null
                    ? ClockState.BREACHED
                    : dueAt == null
                            ? ClockState.PAUSED
                            : !Objects.requireNonNull(instant(rs.getTimestamp("warn_at")), "set with due_at")
                                            .isAfter(now)
                                    ? ClockState.AT_RISK
                                    : ClockState.RUNNING;
            due.put(rs.getLong("ticket_id"), new SlaDue(SlaTarget.valueOf(rs.getString("target")), dueAt, state));
        });
        return due;
    }

    private TargetClockView clock(java.sql.ResultSet rs, Instant now, List<Interval> pauses)
            throws java.sql.SQLException {
        Instant due = instant(rs.getTimestamp("due_at")),
                warn = instant(rs.getTimestamp("warn_at")),
                met = instant(rs.getTimestamp("met_at"));
        Instant breached = instant(rs.getTimestamp("breached_at")), stopped = instant(rs.getTimestamp("stopped_at"));
        ClockState state;
        Long left = null;
        if (met != null)
            state = breached != null || (due != null && met.isAfter(due)) ? ClockState.MET_LATE : ClockState.MET;
        else if (stopped != null) state = ClockState.STOPPED;
        else if (breached != null || (due != null && !due.isAfter(now))) {
            state = ClockState.BREACHED;
            if (due != null) left = -Duration.between(due, now).toMinutes();
        } else if (due == null) state = ClockState.PAUSED;
        else {
            state = warn != null && !warn.isAfter(now) ? ClockState.AT_RISK : ClockState.RUNNING;
            long calendar = rs.getLong("calendar_id");
            left = rs.wasNull()
                    ? Duration.between(now, due).toMinutes()
                    : calendars.calculator(calendar).between(now, due, pauses).toMinutes();
        }
        return new TargetClockView(
                SlaTarget.valueOf(rs.getString("target")),
                rs.getInt("cycle"),
                state,
                rs.getTimestamp("started_at").toInstant(),
                due,
                warn,
                met,
                breached,
                stopped,
                left,
                rs.getString("calendar"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
