package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.EscalationPolicyView;
import org.firstline.oncall.EscalationTarget;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One pass of the engine at one instant: decides the step each escalation enters, then writes every page and every
 * escalation row of the pass with a few set-based statements, so 10,000 escalations running out together cost a few
 * statements per batch rather than a few per escalation. Who a step's targets are is asked once per pass.
 */
final class EnginePass {
    private record Position(
            long id,
            int position,
            int loop,
            @Nullable Instant nextStepAt,
            @Nullable String note) {}

    private final JdbcClient jdbc;
    private final PageTargets targets;
    private final PageWriter pages;
    private final Instant now;
    private final Map<List<EscalationTarget>, PageTargets.Recipients> recipients = new HashMap<>();
    private final List<PageWriter.StepPages> written = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();

    EnginePass(JdbcClient jdbc, PageTargets targets, PageWriter pages, Instant now) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.pages = pages;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    /** Moves on from the step an escalation is in: the next one, the first again on a repeat, or the end. */
    void next(long id, EscalationPolicyView policy, int position, int loop, boolean outOfHours) {
        int nextPosition = position + 1;
        int nextLoop = loop;
        if (nextPosition >= policy.steps().size()) {
            if (loop >= policy.repeatCount()) {
                positions.add(new Position(
                        id,
                        position,
                        loop,
                        null,
                        "Paged every step"
                                + (policy.repeatCount() > 0 ? ", " + (policy.repeatCount() + 1) + " times" : "")
                                + "; nobody acknowledged."));
                return;
            }
            nextPosition = 0;
            nextLoop = loop + 1;
        }
        enter(id, policy, nextPosition, nextLoop, outOfHours);
    }

    /** Enters a step, skipping at once every step with nobody to page; at the end, says so and stops. */
    void enter(long id, EscalationPolicyView policy, int position, int loop, boolean outOfHours) {
        int steps = policy.steps().size();
        boolean pagedBefore = position > 0 || loop > 0;
        for (int tried = 0; tried < steps * (policy.repeatCount() + 1); tried++) {
            var step = policy.steps().get(position);
            var who = recipients.computeIfAbsent(step.targets(), t -> targets.at(t, now));
            if (!who.empty()) {
                written.add(new PageWriter.StepPages(id, loop, position, who.agents(), who.channels(), outOfHours));
                positions.add(
                        new Position(id, position, loop, now.plus(Duration.ofMinutes(step.delayMinutes())), null));
                return;
            }
            position++;
            if (position >= steps) {
                if (loop >= policy.repeatCount()) break;
                position = 0;
                loop++;
            }
        }
        positions.add(new Position(
                id,
                Math.min(position, steps - 1),
                loop,
                null,
                pagedBefore
                        ? "Paged every step that had someone to page; nobody acknowledged. The rest had nobody on them."
                        : "Nobody to page: no one is on the rotas of the remaining steps."));
    }

    /** Writes what the pass decided. */
    void write() {
        pages.write(written, now);
        if (positions.isEmpty()) return;
        // a step entered restarts its clock; a stop only notes why and keeps when the last step began
        jdbc.sql("""
                        update escalation e set step_position = p.pos, loop = p.loop, next_step_at = p.next_at::timestamptz, note = p.note,
                               step_started_at = case when p.next_at is null then e.step_started_at else ? end
                        from unnest(?::bigint[], ?::int[], ?::int[], ?::text[], ?::text[]) p(id, pos, loop, next_at, note)
                        where e.id = p.id""")
                .params(
                        Timestamp.from(now),
                        positions.stream().map(Position::id).toArray(Long[]::new),
                        positions.stream().map(Position::position).toArray(Integer[]::new),
                        positions.stream().map(Position::loop).toArray(Integer[]::new),
                        positions.stream()
                                .map(p -> p.nextStepAt() == null
                                        ? null
                                        : p.nextStepAt().toString())
                                .toArray(String[]::new),
                        positions.stream().map(Position::note).toArray(String[]::new))
                .update();
        written.clear();
        positions.clear();
    }
}
