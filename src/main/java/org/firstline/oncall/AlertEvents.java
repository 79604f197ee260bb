package org.firstline.oncall;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of raised and resolved alerts, written in the transaction that opened or resolved them: the escalation
 * engine marks what it handled, and catches up on the rest (say, after a node died between commit and listener).
 */
@Service
public class AlertEvents {
    public enum Kind {
        RAISED,
        RESOLVED
    }

    public record Recorded(long id, long alertId, Kind kind, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AlertEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Events not yet marked handled, oldest first. */
    public List<Recorded> unhandled(int limit) {
        return jdbc.sql("select * from alert_event where handled_at is null order by id limit ?")
                .param(Math.max(1, Math.min(limit, 10000)))
                .query((rs, n) -> new Recorded(
                        rs.getLong("id"),
                        rs.getLong("alert_id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Records for one alert, in order. */
    public List<Recorded> of(long alertId) {
        return jdbc.sql("select * from alert_event where alert_id = ? order by id")
                .param(alertId)
                .query((rs, n) -> new Recorded(
                        rs.getLong("id"),
                        rs.getLong("alert_id"),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Transactional
    public void markHandled(Collection<Long> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("update alert_event set handled_at = :now where id in (:ids) and handled_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", ids)
                .update();
    }
}
