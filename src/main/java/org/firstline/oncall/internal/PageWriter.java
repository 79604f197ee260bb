package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the pages of steps: one row per person and contact method (a person with none is mailed at once) and one
 * per team channel, for a whole engine pass in two statements. The unique index makes a second write of the same
 * step, by this node or another, a no-op. Once the pages commit, the sender is woken instead of waiting for its cycle.
 */
@Component
class PageWriter {
    /** The people and channels one step of one escalation pages. */
    record StepPages(
            long escalationId,
            int loop,
            int position,
            Collection<Long> agents,
            Collection<Long> channels,
            boolean outOfHours) {}

    private final JdbcClient jdbc;
    private final EngineWakeup wakeup;

    PageWriter(JdbcClient jdbc, EngineWakeup wakeup) {
        this.jdbc = jdbc;
        this.wakeup = wakeup;
    }

    /** Returns how many new pages were written. */
    int write(List<StepPages> steps, Instant now) {
        var people = new Columns();
        var teams = new Columns();
        for (var step : steps) {
            step.agents().forEach(agent -> people.add(step, agent));
            step.channels().forEach(team -> teams.add(step, team));
        }
        var at = Timestamp.from(now);
        int written = 0;
        if (!people.isEmpty()) {
            written += jdbc.sql("""
                            insert into page (escalation_id, loop, step_position, agent_id, contact_method_id, method, due_at,
                                              status, out_of_hours, created_at)
                            select t.esc, t.loop, t.pos, t.who, m.id, coalesce(m.kind, 'EMAIL'),
                                   cast(? as timestamptz) + make_interval(mins => coalesce(m.delay_minutes, 0)),
                                   'PENDING', t.ooh, cast(? as timestamptz)
                            from unnest(?::bigint[], ?::int[], ?::int[], ?::bigint[], ?::boolean[]) t(esc, loop, pos, who, ooh)
                            left join contact_method m on m.agent_id = t.who
                            on conflict do nothing""")
                    .params(
                            at,
                            at,
                            people.escalations(),
                            people.loops(),
                            people.positions(),
                            people.whos(),
                            people.ooh())
                    .update();
        }
        if (!teams.isEmpty()) {
            written += jdbc.sql("""
                            insert into page (escalation_id, loop, step_position, team_id, method, due_at, status, out_of_hours,
                                              created_at)
                            select t.esc, t.loop, t.pos, t.who, 'SLACK', ?, 'PENDING', t.ooh, ?
                            from unnest(?::bigint[], ?::int[], ?::int[], ?::bigint[], ?::boolean[]) t(esc, loop, pos, who, ooh)
                            on conflict do nothing""")
                    .params(at, at, teams.escalations(), teams.loops(), teams.positions(), teams.whos(), teams.ooh())
                    .update();
        }
        if (written > 0) wakeup.afterCommit();
        return written;
    }

    int write(StepPages step, Instant now) {
        return write(List.of(step), now);
    }

    /** One row per step and recipient, as the columns {@code unnest} takes. */
    private static final class Columns {
        private final List<Long> escalations = new ArrayList<>();
        private final List<Integer> loops = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private final List<Long> whos = new ArrayList<>();
        private final List<Boolean> ooh = new ArrayList<>();

        void add(StepPages step, long who) {
            escalations.add(step.escalationId());
            loops.add(step.loop());
            positions.add(step.position());
            whos.add(who);
            ooh.add(step.outOfHours());
        }

        boolean isEmpty() {
            return whos.isEmpty();
        }

        Long[] escalations() {
            return escalations.toArray(Long[]::new);
        }

        Integer[] loops() {
            return loops.toArray(Integer[]::new);
        }

        Integer[] positions() {
            return positions.toArray(Integer[]::new);
        }

        Long[] whos() {
            return whos.toArray(Long[]::new);
        }

        Boolean[] ooh() {
            return ooh.toArray(Boolean[]::new);
        }
    }
}
