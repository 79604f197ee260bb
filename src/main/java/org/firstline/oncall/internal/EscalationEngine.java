package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.oncall.EscalationPolicyView;
import org.firstline.oncall.EscalationRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation engine. Every node runs it; PostgreSQL is the only coordinator: due escalations are taken with
 * {@code for update skip locked}, so each is advanced by one node, and pages are unique per step, so nobody is paged
 * twice for one step. High severity pages step by step at any hour; low severity never pages: it goes to first line,
 * at once in hours, else when the hours begin.
 */
@Component
public class EscalationEngine {
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyStore policies;
    private final PageTargets targets;
    private final PageWriter pages;
    private final OnCallHours hours;

    EscalationEngine(
            JdbcClient jdbc,
            Clock clock,
            PolicyStore policies,
            PageTargets targets,
            PageWriter pages,
            OnCallHours hours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policies = policies;
        this.targets = targets;
        this.pages = pages;
        this.hours = hours;
    }

    /** Starts escalating; a subject already escalating returns its open escalation unchanged (resends, retries). */
    @Transactional
    public long start(EscalationRequest request) {
        var policy = policies.get(request.policyId());
        Instant now = clock.instant();
        boolean inHours = hours.inHours(policy.calendarId(), now);
        String status = request.high() ? "ACTIVE" : inHours ? "HANDED_OVER" : "WAITING";
        Optional<Long> created = jdbc.sql("""
                        insert into escalation (subject_kind, subject_id, policy_id, summary, high, status, wait_until, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (subject_kind, subject_id) where status in ('WAITING', 'ACTIVE', 'ACKNOWLEDGED')
                        do nothing returning id""")
                .params(
                        request.subjectKind().name(),
                        request.subjectId(),
                        policy.id(),
                        summary(request.summary()),
                        request.high(),
                        status,
                        status.equals("WAITING") ? Timestamp.from(hours.hoursBegin(policy.calendarId(), now)) : null,
                        Timestamp.from(now))
                .query((rs, n) -> rs.getLong(1))
                .optional();
        if (created.isEmpty()) {
            return jdbc.sql("""
                            select id from escalation where subject_kind = ? and subject_id = ?
                            and status in ('WAITING', 'ACTIVE', 'ACKNOWLEDGED')""")
                    .params(request.subjectKind().name(), request.subjectId())
                    .query((rs, n) -> rs.getLong(1))
                    .single();
        }
        long id = created.get();
        if (request.high()) {
            var pass = pass(now);
            pass.enter(id, policy, 0, 0, !inHours);
            pass.write();
        } else if (inHours) handToFirstLine(id, policy, now);
        return id;
    }

    /** Moves every escalation whose step ran out without an acknowledgement to its next step; returns how many. */
    @Transactional
    public int advanceDue() {
        Instant now = clock.instant();
        var due = jdbc.sql("""
                        select id, policy_id, step_position, loop from escalation
                        where status = 'ACTIVE' and next_step_at <= ? order by next_step_at limit ? for update skip locked""")
                .params(Timestamp.from(now), BATCH)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)})
                .list();
        Map<Long, EscalationPolicyView> cache = new HashMap<>();
        Map<Long, Boolean> outOfHours = new HashMap<>();
        var pass = pass(now);
        for (long[] row : due) {
            var policy = cache.computeIfAbsent(row[1], policies::get);
            boolean ooh = outOfHours.computeIfAbsent(row[1], p -> !hours.inHours(policy.calendarId(), now));
            pass.next(row[0], policy, (int) row[2], (int) row[3], ooh);
        }
        pass.write();
        return due.size();
    }

    /** Low-severity escalations whose hours have begun go to first line. */
    @Transactional
    public int wakeWaiting() {
        Instant now = clock.instant();
        var due = jdbc.sql("""
                        select id, policy_id from escalation where status = 'WAITING' and wait_until <= ?
                        order by wait_until limit ? for update skip locked""")
                .params(Timestamp.from(now), BATCH)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] row : due) {
            jdbc.sql("update escalation set status = 'HANDED_OVER' where id = ?")
                    .param(row[0])
                    .update();
            handToFirstLine(row[0], policies.get(row[1]), now);
        }
        return due.size();
    }

    /** By hand: the next level now, even if somebody acknowledged (dxw: on to the head of operations, the CTO). */
    public void escalateNow(long id, long policyId, int position, int loop) {
        jdbc.sql("update escalation set status = 'ACTIVE', acknowledged_by = null, acknowledged_at = null where id = ?")
                .param(id)
                .update();
        var policy = policies.get(policyId);
        var pass = pass(clock.instant());
        pass.next(id, policy, position, loop, !hours.inHours(policy.calendarId(), pass.now()));
        pass.write();
    }

    /** A responder added by hand is paged now, once, whatever the step. */
    public void addResponder(long id, long policyId, long agentId) {
        Instant now = clock.instant();
        // out of hours by the policy's calendar, like its steps: it counts towards time off in lieu
        boolean outOfHours = !hours.inHours(policies.get(policyId).calendarId(), now);
        pages.write(new PageWriter.StepPages(id, 0, -1, List.of(agentId), List.of(), outOfHours), now);
    }

    private EnginePass pass(Instant now) {
        return new EnginePass(jdbc, targets, pages, now);
    }

    private void handToFirstLine(long id, EscalationPolicyView policy, Instant now) {
        var people = targets.firstLine(policy.teamId(), now);
        if (people.isEmpty()) {
            jdbc.sql("update escalation set note = ? where id = ?")
                    .params("Nobody was on first line or the triage desk to tell; it waits in the alerts inbox.", id)
                    .update();
            return;
        }
        pages.write(new PageWriter.StepPages(id, 0, -2, people, List.of(), false), now);
    }

    private static String summary(@Nullable String summary) {
        String s = summary == null || summary.isBlank() ? "(no summary)" : summary.strip();
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
