package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertSourceKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Heartbeat monitors: every ping moves the source's deadline one interval on and resolves its missed-heartbeat alert;
 * a deadline passed raises one (HIGH, dedup key {@code heartbeat}). Taking the due sources clears their deadline in
 * the same statement, so with several nodes each late heartbeat raises one alert.
 */
@Component
public class HeartbeatMonitor {
    static final String KEY = "heartbeat";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AlertIntake intake;

    HeartbeatMonitor(JdbcClient jdbc, Clock clock, AlertIntake intake) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.intake = intake;
    }

    /** A ping; false when the source is not a heartbeat monitor. */
    public boolean ping(SourceRef source) {
        if (source.kind() != AlertSourceKind.HEARTBEAT) return false;
        Instant now = clock.instant();
        jdbc.sql("""
                        update alert_source
                        set last_ping_at = :now, heartbeat_due_at = cast(:now as timestamptz) + make_interval(secs => heartbeat_interval_seconds)
                        where id = :id""").param("now", Timestamp.from(now)).param("id", source.id()).update();
        intake.receive(source, incoming(source, false, null));
        return true;
    }

    /** Raises an alert for every monitor whose ping is late; returns how many. */
    @org.springframework.transaction.annotation.Transactional
    public int step() {
        Instant now = clock.instant();
        List<Map.Entry<SourceRef, @Nullable Instant>> late = jdbc.sql("""
                        update alert_source set heartbeat_due_at = null
                        where heartbeat_due_at <= :now and deleted_at is null
                        returning id, name, team_id, service_id, organization_id, calendar_id, last_ping_at""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> Map.<SourceRef, @Nullable Instant>entry(
                        new SourceRef(
                                rs.getLong("id"),
                                rs.getString("name"),
                                AlertSourceKind.HEARTBEAT,
                                rs.getLong("team_id"),
                                rs.getObject("service_id", Long.class),
                                rs.getObject("organization_id", Long.class),
                                rs.getObject("calendar_id", Long.class)),
                        instant(rs.getTimestamp("last_ping_at"))))
                .list();
        late.forEach(e -> intake.receive(e.getKey(), incoming(e.getKey(), true, e.getValue())));
        return late.size();
    }

    private static Incoming incoming(SourceRef source, boolean firing, @Nullable Instant lastPing) {
        String summary = "No heartbeat from " + source.name()
                + (lastPing == null ? " since it was set up" : " since " + lastPing);
        return new Incoming(
                KEY,
                firing,
                AlertSeverity.HIGH,
                summary,
                "",
                Map.of("monitor", source.name()),
                Map.of(),
                null,
                null,
                null,
                null,
                List.of());
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
