package org.firstline.sla;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.firstline.platform.AfterCommit;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SLA policies: per support plan (or the default), targets per priority, the reasons that pause the clocks. */
@Service
public class SlaPolicies {
    private static final String SELECT =
            "select id, name, plan_id, calendar_id, pause_reasons, at_risk_percent from sla_policy";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CalendarService calendars;
    private final ApplicationEventPublisher events;

    SlaPolicies(JdbcClient jdbc, Clock clock, CalendarService calendars, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calendars = calendars;
        this.events = events;
    }

    public List<PolicyView> list() {
        return jdbc.sql(SELECT + " order by plan_id nulls first, lower(name)")
                .query(this::policy)
                .list();
    }

    public PolicyView get(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(this::policy)
                .optional()
                .orElseThrow(() -> new NotFoundException("SLA policy " + id + " does not exist."));
    }

    /**
     * The policy for a plan: the plan's own, else the default; empty when neither exists. Asked on every ticket change,
     * so kept for a few seconds: this node's edits are seen at once, another node's within {@code RELOAD_NANOS}.
     */
    public java.util.Optional<PolicyView> forPlan(@Nullable Long planId) {
        Long key = planId == null ? -1L : planId;
        Cached cached = byPlan.get(key);
        if (cached == null || System.nanoTime() - cached.at() > RELOAD_NANOS) {
            cached = new Cached(
                    jdbc.sql(SELECT + " where plan_id = ? or plan_id is null order by plan_id nulls last limit 1")
                            .param(planId)
                            .query(this::policy)
                            .optional(),
                    System.nanoTime());
            byPlan.put(key, cached);
        }
        return cached.policy();
    }

    private record Cached(java.util.Optional<PolicyView> policy, long at) {}

    private static final long RELOAD_NANOS = CalendarService.KEPT_FOR.toNanos();
    /** A year of working days; beyond it a target is not a service level. */
    public static final int MAX_WORKING_DAYS = 260;

    private final java.util.Map<Long, Cached> byPlan = new java.util.concurrent.ConcurrentHashMap<>();

    @Transactional
    public PolicyView create(PolicyForm form) {
        check(form);
        try {
            long id = jdbc.sql("""
                    insert into sla_policy (name, plan_id, calendar_id, pause_reasons, at_risk_percent, created_at)
                    values (?, ?, ?, ?::text[], ?, ?) returning id""")
                    .params(
                            form.name().strip(),
                            form.planId(),
                            form.calendarId(),
                            reasons(form),
                            percent(form),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            writeTargets(id, form);
            forget();
            events.publishEvent(new SlaSettingsChanged("policy " + id));
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    form.planId() == null
                            ? "There is already a default policy (one without a plan)."
                            : "The plan already has a policy, or the name '"
                                    + form.name().strip() + "' is taken.");
        }
    }

    @Transactional
    public PolicyView update(long id, PolicyForm form) {
        get(id);
        check(form);
        try {
            jdbc.sql(
                            "update sla_policy set name = ?, plan_id = ?, calendar_id = ?, pause_reasons = ?::text[], at_risk_percent = ? where id = ?")
                    .params(form.name().strip(), form.planId(), form.calendarId(), reasons(form), percent(form), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "The plan already has a policy, or the name '" + form.name().strip() + "' is taken.");
        }
        jdbc.sql("delete from sla_policy_target where policy_id = ?").param(id).update();
        writeTargets(id, form);
        forget();
        events.publishEvent(new SlaSettingsChanged("policy " + id));
        return get(id);
    }

    @Transactional
    public void delete(long id) {
        if (get(id).planId() == null) {
            throw new ConflictException("The default policy cannot be deleted; change its targets instead.");
        }
        jdbc.sql("delete from sla_policy where id = ?").param(id).update();
        forget();
        events.publishEvent(new SlaSettingsChanged("policy " + id));
    }

    /** Drops the kept policies now and again once the change commits, so nothing read in between outlives it. */
    private void forget() {
        byPlan.clear();
        AfterCommit.run(byPlan::clear);
    }

    private void check(PolicyForm form) {
        calendar("calendarId", form.calendarId());
        if (form.planId() != null
                && jdbc.sql("select count(*) from support_plan where id = ?")
                                .param(form.planId())
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new InvalidRequestException("planId", "no support plan with id " + form.planId());
        }
        var seen = new HashSet<String>();
        for (PolicyTarget t : targets(form)) {
            if (!seen.add(t.priority() + "/" + t.target())) {
                throw new InvalidRequestException("targets", "has " + t.target() + " for " + t.priority() + " twice");
            }
            if (t.calendarId() != null) calendar("targets", t.calendarId());
            if (t.unit() == TargetUnit.WORKING_DAYS && t.amount() > MAX_WORKING_DAYS) {
                throw new InvalidRequestException(
                        "targets",
                        t.target() + " for " + t.priority() + ": at most " + MAX_WORKING_DAYS + " working days");
            }
        }
    }

    private void calendar(String field, long id) {
        try {
            calendars.get(id);
        } catch (NotFoundException e) {
            throw new InvalidRequestException(field, "no calendar with id " + id);
        }
    }

    private void writeTargets(long id, PolicyForm form) {
        for (PolicyTarget t : targets(form)) {
            jdbc.sql(
                            "insert into sla_policy_target (policy_id, priority, target, amount, unit, calendar_id) values (?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            t.priority().name(),
                            t.target().name(),
                            t.amount(),
                            t.unit().name(),
                            t.calendarId())
                    .update();
        }
    }

    private static List<PolicyTarget> targets(PolicyForm form) {
        return form.targets() == null ? List.of() : form.targets();
    }

    private static String reasons(PolicyForm form) {
        var reasons = form.pauseReasons() == null ? PolicyForm.DEFAULT_PAUSE_REASONS : form.pauseReasons();
        return "{"
                + String.join(",", reasons.stream().distinct().map(Enum::name).toList()) + "}";
    }

    private static int percent(PolicyForm form) {
        return form.atRiskPercent() == null ? 80 : form.atRiskPercent();
    }

    private PolicyView policy(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long id = rs.getLong("id");
        Array array = rs.getArray("pause_reasons");
        var reasons = Arrays.stream((String[]) array.getArray())
                .map(PendingReason::valueOf)
                .toList();
        var targets = jdbc.sql(
                        "select priority, target, amount, unit, calendar_id from sla_policy_target where policy_id = ? order by priority, target")
                .param(id)
                .query((t, i) -> new PolicyTarget(
                        Priority.valueOf(t.getString(1)),
                        SlaTarget.valueOf(t.getString(2)),
                        t.getInt(3),
                        TargetUnit.valueOf(t.getString(4)),
                        (Long) t.getObject(5, Long.class)))
                .list();
        return new PolicyView(
                id,
                rs.getString("name"),
                (Long) rs.getObject("plan_id", Long.class),
                rs.getLong("calendar_id"),
                reasons,
                rs.getInt("at_risk_percent"),
                targets);
    }
}
