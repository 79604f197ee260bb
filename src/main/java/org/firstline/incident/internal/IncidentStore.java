package org.firstline.incident.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.firstline.incident.IncidentImpact;
import org.firstline.incident.IncidentStatus;
import org.firstline.incident.internal.IncidentView.Named;
import org.firstline.incident.internal.IncidentView.TimelineEntry;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads incidents: the list, open first, and one incident with everything its page shows. */
@Component
public class IncidentStore {
    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IncidentSummary> list(boolean openOnly, int limit) {
        return jdbc.sql("""
                        select i.*, (select count(*) from incident_ticket t where t.incident_id = i.id) linked
                        from incident i
                        where (not :openOnly or i.resolved_at is null)
                        order by i.resolved_at desc nulls first, i.severity, i.declared_at desc
                        limit :limit""")
                .param("openOnly", openOnly)
                .param("limit", limit)
                .query((rs, n) -> new IncidentSummary(
                        rs.getLong("id"),
                        rs.getString("title"),
                        IncidentStatus.valueOf(rs.getString("status")),
                        IncidentImpact.valueOf(rs.getString("impact")),
                        rs.getInt("severity"),
                        rs.getBoolean("public"),
                        instant(rs, "declared_at"),
                        nullableInstant(rs, "resolved_at"),
                        nullableInstant(rs, "next_update_due_at"),
                        rs.getLong("linked")))
                .list();
    }

    @Transactional(readOnly = true)
    public IncidentView get(long id) {
        long id0 = id;
        return jdbc.sql("""
                        select i.*,
                               (select count(*) from incident_ticket t where t.incident_id = i.id) linked,
                               tl.display_name tl_name, cl.display_name cl_name
                        from incident i
                        left join agent tl on tl.id = i.technical_lead_id
                        left join agent cl on cl.id = i.communications_lead_id
                        where i.id = ?""")
                .param(id)
                .query((rs, n) -> new IncidentView(
                        id0,
                        rs.getString("title"),
                        IncidentStatus.valueOf(rs.getString("status")),
                        IncidentImpact.valueOf(rs.getString("impact")),
                        rs.getInt("severity"),
                        rs.getBoolean("public"),
                        IncidentView.Source.valueOf(rs.getString("source")),
                        rs.getString("alert_key"),
                        instant(rs, "declared_at"),
                        instant(rs, "updated_at"),
                        nullableInstant(rs, "resolved_at"),
                        nullableInstant(rs, "next_update_due_at"),
                        named(rs, "technical_lead_id", "tl_name"),
                        named(rs, "communications_lead_id", "cl_name"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        rs.getLong("linked"),
                        List.of()))
                .optional()
                .map(head -> new IncidentView(
                        head.id(),
                        head.title(),
                        head.status(),
                        head.impact(),
                        head.severity(),
                        head.isPublic(),
                        head.source(),
                        head.alertKey(),
                        head.declaredAt(),
                        head.updatedAt(),
                        head.resolvedAt(),
                        head.nextUpdateDueAt(),
                        head.technicalLead(),
                        head.communicationsLead(),
                        names(
                                "select a.id, a.display_name from incident_responder r join agent a on a.id = r.agent_id"
                                        + " where r.incident_id = ? order by a.display_name",
                                id0),
                        names(
                                "select o.id, o.name from incident_organization x join organization o"
                                        + " on o.id = x.organization_id where x.incident_id = ? order by o.name",
                                id0),
                        names(
                                "select s.id, s.name from incident_service x join service s on s.id = x.service_id"
                                        + " where x.incident_id = ? order by s.name",
                                id0),
                        names(
                                "select c.id, c.name from incident_component x join status_component c"
                                        + " on c.id = x.component_id where x.incident_id = ? order by c.name",
                                id0),
                        timeline(id0),
                        head.linkedTickets(),
                        jdbc.sql("select due_at from incident_reminder where incident_id = ? order by due_at desc")
                                .param(id0)
                                .query((rs, n) -> instant(rs, "due_at"))
                                .list()))
                .orElseThrow(() -> new NotFoundException("No incident " + id0 + "."));
    }

    /** Agents who can work an incident, for the people pickers. */
    public List<Named> agents() {
        return jdbc.sql("select id, display_name from agent where active and role <> 'READ_ONLY' and username not like"
                        + " 'system:%' order by display_name")
                .query((rs, n) -> new Named(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private List<TimelineEntry> timeline(long id) {
        return jdbc.sql("""
                        select u.id, u.status, u.body, u.public, u.posted_at, a.display_name
                        from incident_update u left join agent a on a.id = u.posted_by
                        where u.incident_id = ? order by u.posted_at desc, u.id desc""")
                .param(id)
                .query((rs, n) -> new TimelineEntry(
                        rs.getLong("id"),
                        IncidentStatus.valueOf(rs.getString("status")),
                        rs.getString("body"),
                        rs.getBoolean("public"),
                        instant(rs, "posted_at"),
                        rs.getString("display_name")))
                .list();
    }

    private List<Named> names(String sql, long id) {
        return jdbc.sql(sql)
                .param(id)
                .query((rs, n) -> new Named(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private static @Nullable Named named(ResultSet rs, String idColumn, String nameColumn) throws SQLException {
        long id = rs.getLong(idColumn);
        return rs.wasNull() ? null : new Named(id, rs.getString(nameColumn));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
