package org.firstline.incident.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstline.incident.ComponentStatus;
import org.firstline.incident.IncidentImpact;
import org.firstline.incident.IncidentStatus;
import org.firstline.incident.PublicComponent;
import org.firstline.incident.PublicIncident;
import org.firstline.incident.PublicMaintenance;
import org.firstline.incident.PublicStatus;
import org.firstline.incident.PublicUpdate;
import org.firstline.platform.BackgroundLoop;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads what the public status page shows, in one read-only transaction so the parts agree. */
@Component
public class StatusBoardReader {
    private final JdbcClient jdbc;
    private final Clock clock;

    StatusBoardReader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true, timeout = 5, isolation = Isolation.REPEATABLE_READ)
    public PublicStatus read() {
        Instant now = clock.instant();
        Instant recent = now.minus(Duration.ofDays(PublicStatus.RECENT_DAYS));
        String pageName =
                jdbc.sql("select name from status_page").query(String.class).single();
        List<PublicComponent> components = jdbc.sql("""
                        select id, name, description, group_name, position, status, updated_at
                        from status_component where archived_at is null
                        order by group_name nulls first, position, lower(name)""")
                .query((rs, n) -> new PublicComponent(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("group_name"),
                        rs.getInt("position"),
                        ComponentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        Map<Long, List<PublicUpdate>> updates = new HashMap<>();
        jdbc.sql("""
                        select u.id, u.incident_id, u.status, u.body, u.posted_at
                        from incident_update u join incident i on i.id = u.incident_id
                        where u.public and i.public and (i.resolved_at is null or i.resolved_at >= :recent)
                        order by u.posted_at desc, u.id desc""").param("recent", java.sql.Timestamp.from(recent)).query(rs -> {
            updates.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                    .add(new PublicUpdate(
                            rs.getLong("id"),
                            IncidentStatus.valueOf(rs.getString("status")),
                            rs.getString("body"),
                            rs.getTimestamp("posted_at").toInstant()));
        });
        List<PublicIncident> incidents = jdbc.sql("""
                        select i.id, i.title, i.status, i.impact, i.declared_at, i.updated_at, i.resolved_at,
                               coalesce(array(select component_id from incident_component c
                                              where c.incident_id = i.id order by component_id), '{}') components
                        from incident i
                        where i.public and (i.resolved_at is null or i.resolved_at >= :recent)
                        order by i.resolved_at desc nulls first, i.declared_at desc""")
                .param("recent", java.sql.Timestamp.from(recent))
                .query((rs, n) -> {
                    var resolvedAt = rs.getTimestamp("resolved_at");
                    return new PublicIncident(
                            rs.getLong("id"),
                            rs.getString("title"),
                            IncidentStatus.valueOf(rs.getString("status")),
                            IncidentImpact.valueOf(rs.getString("impact")),
                            rs.getTimestamp("declared_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant(),
                            resolvedAt == null ? null : resolvedAt.toInstant(),
                            List.copyOf(updates.getOrDefault(rs.getLong("id"), List.of())),
                            ids(rs.getArray("components")));
                })
                .list();
        List<PublicMaintenance> maintenances = jdbc.sql("""
                        select m.id, m.title, m.body, m.scheduled_for, m.scheduled_until, m.created_at, m.updated_at,
                               coalesce(array(select component_id from maintenance_component c
                                              where c.maintenance_id = m.id order by component_id), '{}') components
                        from scheduled_maintenance m
                        where m.cancelled_at is null and m.scheduled_until >= :recent
                        order by m.scheduled_for""")
                .param("recent", java.sql.Timestamp.from(recent))
                .query((rs, n) -> new PublicMaintenance(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getTimestamp("scheduled_for").toInstant(),
                        rs.getTimestamp("scheduled_until").toInstant(),
                        ids(rs.getArray("components")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new PublicStatus(pageName, now, components, incidents, maintenances);
    }

    private static List<Long> ids(java.sql.Array array) throws java.sql.SQLException {
        var values = (Long[]) array.getArray();
        return List.of(values);
    }

    /** Reads again every half minute on every node, for a notification lost while the database was away. */
    @Component
    static class Backstop extends BackgroundLoop {
        private final org.firstline.incident.StatusBoard board;

        Backstop(org.firstline.incident.StatusBoard board) {
            super("status board", Duration.ofSeconds(30), true);
            this.board = board;
        }

        @Override
        protected void step() {
            board.refresh();
        }
    }
}
