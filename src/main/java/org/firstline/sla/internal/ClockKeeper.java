package org.firstline.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.firstline.sla.BusinessTimeCalculator;
import org.firstline.sla.CalendarService;
import org.firstline.sla.Interval;
import org.firstline.sla.PolicyView;
import org.firstline.sla.SlaPolicies;
import org.firstline.sla.SlaTarget;
import org.firstline.sla.TargetUnit;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * Keeps a ticket's clocks: starts a target, meets it, stops what no longer applies, opens and closes pauses, and works
 * out each running clock's warning and due time from its policy, calendar and pauses. Runs in the transaction of
 * the ticket change that caused it, so a ticket and its clocks never disagree.
 */
@Component
class ClockKeeper {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClockKeeper.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SlaPolicies policies;
    private final CalendarService calendars;

    ClockKeeper(JdbcClient jdbc, Clock clock, SlaPolicies policies, CalendarService calendars) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policies = policies;
        this.calendars = calendars;
    }

    Optional<TicketFacts> facts(long ticketId) {
        return jdbc.sql(TicketFacts.SELECT + " where t.id = ?")
                .param(ticketId)
                .query(TicketFacts::read)
                .optional();
    }

    /** Whether the plan is served around the clock; asked only for critical tickets, whose clocks it changes. */
    boolean aroundTheClock(@Nullable Long planId) {
        return planId != null
                && jdbc.sql("select around_the_clock from support_plan where id = ?")
                        .param(planId)
                        .query(Boolean.class)
                        .optional()
                        .orElse(false);
    }

    /** A new ticket: acknowledgement, first response and resolution start when it was created. */
    void opened(TicketFacts ticket) {
        if (ticket.finished()) { // history imported as already resolved has nothing left to time
            activity(ticket.ticketId(), ticket.createdAt());
            return;
        }
        var policy = policies.forPlan(ticket.planId());
        boolean started = start(
                ticket,
                policy,
                List.of(SlaTarget.ACKNOWLEDGEMENT, SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION),
                ticket.createdAt(),
                true);
        if (!started) activity(ticket.ticketId(), ticket.createdAt());
        if (ticket.status() == TicketStatus.PENDING) settle(ticket); // opened waiting: the pause decides
    }

    /** For a ticket that came in with history (an import, the demo): an agent's first public reply already met the first targets. */
    void meetFromHistory(long ticketId) {
        jdbc.sql("""
                select min(m.created_at) from message m join agent a on a.id = m.author_agent_id
                where m.ticket_id = ? and m.kind = 'PUBLIC' and a.username <> 'firstline'""")
                .param(ticketId)
                .query(java.sql.Timestamp.class)
                .optional()
                .filter(java.util.Objects::nonNull)
                .ifPresent(at ->
                        meet(ticketId, List.of(SlaTarget.ACKNOWLEDGEMENT, SlaTarget.FIRST_RESPONSE), at.toInstant()));
    }

    /** Starts the next cycle of the next-response target, unless an answer is already being waited for. */
    void awaitAnswer(TicketFacts ticket, Instant since) {
        boolean waiting =
                jdbc.sql("""
                select count(*) from ticket_sla where ticket_id = ? and target in ('FIRST_RESPONSE', 'NEXT_RESPONSE')
                  and met_at is null and stopped_at is null""").param(ticket.ticketId()).query(Integer.class).single() > 0;
        if (!waiting) start(ticket, policies.forPlan(ticket.planId()), List.of(SlaTarget.NEXT_RESPONSE), since, false);
    }

    void meet(long ticketId, List<SlaTarget> targets, Instant at) {
        jdbc.sql("""
                update ticket_sla set met_at = ?, next_fire_at = null
                where ticket_id = ? and target = any(?) and met_at is null and stopped_at is null""")
                .params(
                        Timestamp.from(at),
                        ticketId,
                        targets.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    /** Clocks that no longer apply (a ticket resolved before an answer): they neither count as met nor fire. */
    void stopRunning(long ticketId, Instant at) {
        jdbc.sql(
                        "update ticket_sla set stopped_at = ?, next_fire_at = null where ticket_id = ? and met_at is null and stopped_at is null")
                .params(Timestamp.from(at), ticketId)
                .update();
    }

    void activity(long ticketId, Instant at) {
        jdbc.sql(ACTIVITY).params(ticketId, Timestamp.from(at)).update();
    }

    /** Brings pauses in line with the ticket's status, then works out every running clock again. */
    void settle(TicketFacts ticket) {
        var policy = policies.forPlan(ticket.planId());
        boolean pausing = ticket.status() == TicketStatus.PENDING
                && policy.isPresent()
                && policy.get().pauseReasons().contains(ticket.pendingReason());
        Timestamp now = Timestamp.from(clock.instant());
        if (pausing) {
            jdbc.sql("""
                    insert into ticket_sla_pause (ticket_id, reason, started_at) select ?, ?, ?
                    where not exists (select 1 from ticket_sla_pause where ticket_id = ? and ended_at is null)""")
                    .params(
                            ticket.ticketId(),
                            Objects.requireNonNull(ticket.pendingReason(), "a PENDING ticket has a reason")
                                    .name(),
                            now,
                            ticket.ticketId())
                    .update();
        } else {
            jdbc.sql(
                            "update ticket_sla_pause set ended_at = greatest(started_at, ?) where ticket_id = ? and ended_at is null")
                    .params(now, ticket.ticketId())
                    .update();
        }
        recompute(ticket, policy);
    }

    private void recompute(TicketFacts ticket, Optional<PolicyView> policy) {
        var pauses = jdbc.sql(
                        "select started_at, ended_at from ticket_sla_pause where ticket_id = ? order by started_at")
                .param(ticket.ticketId())
                .query((rs, n) -> new Interval(
                        rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .list();
        var running = jdbc.sql("""
                select id, target, started_at, warned_at is not null, breached_at is not null from ticket_sla
                where ticket_id = ? and met_at is null and stopped_at is null""")
                .param(ticket.ticketId())
                .query((rs, n) -> new Running(
                        rs.getLong(1),
                        SlaTarget.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4),
                        rs.getBoolean(5)))
                .list();
        for (Running row : running) {
            var term = policy.flatMap(p -> term(ticket, p, row.target()));
            if (term.isEmpty()) {
                jdbc.sql("update ticket_sla set stopped_at = ?, next_fire_at = null where id = ?")
                        .params(Timestamp.from(clock.instant()), row.id())
                        .update();
                continue;
            }
            write(row, term.get(), pauses);
        }
    }

    private record Running(long id, SlaTarget target, Instant startedAt, boolean warned, boolean breached) {}

    private void write(Running row, SlaTerm term, List<Interval> pauses) {
        Deadline d =
                pauses.stream().anyMatch(Interval::open) ? Deadline.PAUSED : deadline(row.startedAt(), term, pauses);
        Instant next = row.breached() ? null : d.nextFire(row.warned());
        jdbc.sql("""
                update ticket_sla set policy_id = ?, calendar_id = ?, amount = ?, unit = ?, due_at = ?, warn_at = ?, next_fire_at = ?
                where id = ?""")
                .params(
                        term.policyId(),
                        term.calendarId(),
                        term.amount(),
                        term.unit().name(),
                        timestamp(d.due()),
                        timestamp(d.warn()),
                        timestamp(next),
                        row.id())
                .update();
    }

    /** When a clock started at {@code start} is due and when it warns; both null while it is paused. */
    private record Deadline(@Nullable Instant due, @Nullable Instant warn) {
        static final Deadline PAUSED = new Deadline(null, null);

        /** What the sweeper looks at next: the warning unless it was given (or falls on the due time), else the due time. */
        @Nullable
        Instant nextFire(boolean warned) {
            return due == null
                    ? null
                    : !warned && Objects.requireNonNull(warn, "set with due").isBefore(due) ? warn : due;
        }
    }

    /** A calendar that cannot reach the due time (years of holidays) leaves the clock without one, never the ticket unsaved. */
    private Deadline deadline(Instant start, SlaTerm term, List<Interval> pauses) {
        try {
            return computed(start, term, pauses);
        } catch (IllegalStateException e) {
            log.warn("No due time on calendar {} from {}", term.calendarId(), start, e);
            return Deadline.PAUSED;
        }
    }

    private Deadline computed(Instant start, SlaTerm term, List<Interval> pauses) {
        BusinessTimeCalculator calculator = calendars.calculator(term.calendarId());
        Instant due = term.unit() == TargetUnit.WORKING_DAYS
                ? calculator.addWorkingDays(start, term.amount(), pauses)
                : calculator.add(start, Duration.ofMinutes(term.amount()), pauses);
        Duration total = calculator.between(start, due, pauses);
        return new Deadline(
                due,
                calculator.add(start, total.multipliedBy(term.atRiskPercent()).dividedBy(100), pauses));
    }

    /**
     * New clocks, one statement for all of them; a due time is worked out at once unless the ticket is pending (then
     * the pause decides).
     */
    private static final String ACTIVITY = """
            insert into ticket_public_activity (ticket_id, last_public_at) values (?, ?)
            on conflict (ticket_id) do update set last_public_at = greatest(ticket_public_activity.last_public_at, excluded.last_public_at)""";

    /**
     * Starts the next cycle of each target that has a term; returns whether any started. A new ticket ({@code
     * opening}) has no clocks yet: each starts its first cycle, and its first public activity is recorded in the same
     * statement.
     */
    private boolean start(
            TicketFacts ticket, Optional<PolicyView> policy, List<SlaTarget> targets, Instant at, boolean opening) {
        var rows = new StringBuilder();
        var params = new java.util.ArrayList<@Nullable Object>();
        if (opening) params.addAll(List.of(ticket.ticketId(), Timestamp.from(at)));
        for (SlaTarget target : targets) {
            var term = policy.flatMap(p -> term(ticket, p, target));
            if (term.isEmpty()) continue;
            Deadline d =
                    ticket.status() == TicketStatus.PENDING ? Deadline.PAUSED : deadline(at, term.get(), List.of());
            rows.append(rows.isEmpty() ? "" : ", ")
                    .append("(?::bigint, ?, ?::bigint, ?::bigint, ?::integer, ?, ?::timestamptz, ?::timestamptz,"
                            + " ?::timestamptz, ?::timestamptz)");
            params.addAll(java.util.Arrays.asList(
                    ticket.ticketId(),
                    target.name(),
                    term.get().policyId(),
                    term.get().calendarId(),
                    term.get().amount(),
                    term.get().unit().name(),
                    Timestamp.from(at),
                    timestamp(d.due()),
                    timestamp(d.warn()),
                    timestamp(d.nextFire(false))));
        }
        if (rows.isEmpty()) return false;
        jdbc.sql("""
                %s
                insert into ticket_sla (ticket_id, target, cycle, policy_id, calendar_id, amount, unit, started_at, due_at, warn_at, next_fire_at)
                select v.ticket_id, v.target, %s,
                       v.policy_id, v.calendar_id, v.amount, v.unit, v.started_at, v.due_at, v.warn_at, v.next_fire_at
                from (values %s) as v (ticket_id, target, policy_id, calendar_id, amount, unit, started_at, due_at, warn_at, next_fire_at)""".formatted(
                                opening ? "with activity as (" + ACTIVITY + ")" : "",
                                opening
                                        ? "1"
                                        : "coalesce((select max(s.cycle) from ticket_sla s where s.ticket_id = v.ticket_id and s.target = v.target), 0) + 1",
                                rows))
                .params(params)
                .update();
        return true;
    }

    /** The policy's target for the ticket's priority; critical tickets of a plan around the clock run on a 24/7 calendar. */
    private Optional<SlaTerm> term(TicketFacts ticket, PolicyView policy, SlaTarget target) {
        return policy.targets().stream()
                .filter(t -> t.priority() == ticket.priority() && t.target() == target)
                .findFirst()
                .map(t -> {
                    long calendar = t.calendarId() != null ? t.calendarId() : policy.calendarId();
                    if (ticket.aroundTheClockPlan() && ticket.critical()) {
                        calendar = calendars.aroundTheClock().orElse(calendar);
                    }
                    return new SlaTerm(policy.id(), calendar, t.amount(), t.unit(), policy.atRiskPercent());
                });
    }

    @Contract("!null -> !null")
    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
