package org.firstline.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Title, severity, impact, visibility, the people and what the incident affects. */
@Component
public class IncidentFields {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SeverityLevels severities;
    private final StatusBoard board;

    IncidentFields(JdbcClient jdbc, Clock clock, SeverityLevels severities, StatusBoard board) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.severities = severities;
        this.board = board;
    }

    @Transactional
    public void change(long id, IncidentPatch patch, AgentPrincipal actor) {
        if (!actor.role().canWrite()) throw new AccessDeniedException("Read-only agents cannot change incidents.");
        if (jdbc.sql("select count(*) from incident where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new NotFoundException("No incident " + id + ".");
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (patch.title() != null) set(id, "title", patch.title().strip());
        if (patch.impact() != null) set(id, "impact", patch.impact().name());
        if (patch.isPublic() != null) set(id, "public", patch.isPublic());
        if (patch.severity() != null) {
            int interval = severities.intervalMinutes(patch.severity());
            jdbc.sql("""
                            update incident i set severity = ?, next_update_due_at = case when i.resolved_at is null then
                                coalesce((select max(u.posted_at) from incident_update u where u.incident_id = i.id and u.public),
                                         i.declared_at) + make_interval(mins => ?) end
                            where id = ?""").params(patch.severity(), interval, id).update();
        }
        lead(id, "technical_lead_id", "technicalLeadId", patch.technicalLeadId());
        lead(id, "communications_lead_id", "communicationsLeadId", patch.communicationsLeadId());
        replace(id, "incident_responder", "agent_id", "agent", "responderIds", patch.responderIds());
        replace(
                id,
                "incident_organization",
                "organization_id",
                "organization",
                "organizationIds",
                patch.organizationIds());
        replace(id, "incident_service", "service_id", "service", "serviceIds", patch.serviceIds());
        replace(id, "incident_component", "component_id", "status_component", "componentIds", patch.componentIds());
        var current = jdbc.sql("select title, public from incident where id = ?")
                .param(id)
                .query((rs, n) -> rs.getBoolean("public") ? rs.getString("title") : null)
                .optional();
        if (current.isPresent()) OrganizationNames.refuseNamed(jdbc, id, "title", current.get());
        set(id, "updated_at", now);
        board.changed();
    }

    private void set(long id, String column, Object value) {
        jdbc.sql("update incident set " + column + " = ? where id = ?")
                .params(value, id)
                .update();
    }

    private void lead(long id, String column, String field, @Nullable Long agentId) {
        if (agentId == null) return;
        if (agentId == 0) {
            jdbc.sql("update incident set " + column + " = null where id = ?")
                    .param(id)
                    .update();
            return;
        }
        requireAll("agent", field, List.of(agentId));
        set(id, column, agentId);
    }

    private void replace(long id, String table, String column, String target, String field, @Nullable List<Long> ids) {
        if (ids == null) return;
        requireAll(target, field, ids);
        jdbc.sql("delete from " + table + " where incident_id = ?").param(id).update();
        jdbc.sql("insert into " + table + " (incident_id, " + column + ") select ?, x from unnest(?::bigint[]) x"
                        + " on conflict do nothing")
                .params(id, ids.stream().distinct().toArray(Long[]::new))
                .update();
    }

    private void requireAll(String table, String field, List<Long> ids) {
        List<Long> unknown = jdbc.sql("select x from unnest(?::bigint[]) x where not exists (select 1 from " + table
                        + " t where t.id = x" + (table.equals("agent") ? " and t.active" : "") + ") order by x")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> rs.getLong(1))
                .list();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(field, "names what does not exist: " + unknown + "; nothing was changed");
        }
    }
}
