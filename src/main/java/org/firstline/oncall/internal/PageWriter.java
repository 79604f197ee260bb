package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the pages of one step: one row per person and contact method (a person with none is mailed at once) and
 * one per team channel. The unique index makes a second write of the same step, by this node or another, a no-op.
 */
@Component
class PageWriter {
    private final JdbcClient jdbc;

    PageWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns how many new pages were written. */
    int write(
            long escalationId,
            int loop,
            int position,
            Collection<Long> agents,
            Collection<Long> channels,
            Instant now,
            boolean outOfHours) {
        var at = Timestamp.from(now);
        int written = 0;
        for (long agent : agents) {
            written += jdbc.sql("""
                            insert into page (escalation_id, loop, step_position, agent_id, contact_method_id, method, due_at,
                                              status, out_of_hours, created_at)
                            select :esc, :loop, :pos, :agent, m.id, m.kind, cast(:now as timestamptz) + make_interval(mins => m.delay_minutes),
                                   'PENDING', :ooh, cast(:now as timestamptz)
                            from contact_method m where m.agent_id = :agent
                            union all
                            select :esc, :loop, :pos, :agent, null, 'EMAIL', cast(:now as timestamptz), 'PENDING', :ooh, cast(:now as timestamptz)
                            where not exists (select 1 from contact_method m where m.agent_id = :agent)
                            on conflict do nothing""")
                    .param("esc", escalationId)
                    .param("loop", loop)
                    .param("pos", position)
                    .param("agent", agent)
                    .param("now", at)
                    .param("ooh", outOfHours)
                    .update();
        }
        for (long team : channels) {
            written += jdbc.sql("""
                            insert into page (escalation_id, loop, step_position, team_id, method, due_at, status, out_of_hours,
                                              created_at)
                            values (?, ?, ?, ?, 'SLACK', ?, 'PENDING', ?, ?) on conflict do nothing""")
                    .params(escalationId, loop, position, team, at, outOfHours, at)
                    .update();
        }
        return written;
    }
}
