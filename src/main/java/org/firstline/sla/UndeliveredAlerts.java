package org.firstline.sla;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The alerts the notifier gave up on, for the admin page, and trying one again once its cause is fixed. */
@Service
public class UndeliveredAlerts {
    private final JdbcClient jdbc;

    UndeliveredAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    public List<UndeliveredAlert> list(int limit) {
        return jdbc.sql("""
                select e.id, e.kind, s.target, t.id as ticket_id, t.number, t.subject, e.attempts, e.last_error, e.dead_lettered_at
                from sla_event e join ticket_sla s on s.id = e.ticket_sla_id join ticket t on t.id = e.ticket_id
                where e.dead_lettered_at is not null and e.notified_at is null
                order by e.dead_lettered_at desc, e.id desc limit ?""")
                .param(Math.clamp(limit, 1, 500))
                .query((rs, n) -> new UndeliveredAlert(
                        rs.getLong("id"),
                        SlaAlertKind.valueOf(rs.getString("kind")),
                        SlaTarget.valueOf(rs.getString("target")),
                        rs.getLong("ticket_id"),
                        rs.getLong("number"),
                        rs.getString("subject"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("dead_lettered_at").toInstant()))
                .list();
    }

    public int count() {
        return jdbc.sql("select count(*) from sla_event where dead_lettered_at is not null and notified_at is null")
                .query(Integer.class)
                .single();
    }

    /** Puts a given-up alert back in the queue with its attempts renewed; false if it was not given up on. */
    public boolean retry(long eventId) {
        return jdbc.sql("""
                update sla_event set dead_lettered_at = null, attempts = 0, next_attempt_at = null
                where id = ? and dead_lettered_at is not null and notified_at is null""").param(eventId).update() == 1;
    }
}
