package org.firstline.incident.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.firstline.integration.EngineeringIssues;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The A3 retrospective of an incident, editable during and after it, and its actions: each with an owner and a due
 * date, done by hand or when the engineering issue it follows (opened through the usual escalation) is closed.
 */
@Component
public class Retrospectives {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EngineeringIssues issues;

    Retrospectives(JdbcClient jdbc, Clock clock, EngineeringIssues issues) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.issues = issues;
    }

    public record A3(
            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String background,

            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String currentState,

            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String goal,

            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String rootCause,

            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String countermeasures,

            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String plan,

            @Size(max = 20000, message = "must be at most 20000 characters") @Nullable
            String followUp,

            java.time.@Nullable Instant updatedAt) {}

    public record ActionForm(
            @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @Nullable
            String title,

            @Nullable Long ownerId,
            @Nullable LocalDate dueOn,
            @Nullable Long engineeringIssueId) {}

    public record Action(
            long id,
            String title,
            @Nullable Long ownerId,
            @Nullable String ownerName,
            @Nullable LocalDate dueOn,
            @Nullable Long engineeringIssueId,
            @Nullable String issueUrl,
            boolean done,
            @Nullable Instant doneAt) {}

    public A3 get(long incidentId) {
        requireIncident(incidentId);
        return jdbc.sql("select * from incident_retrospective where incident_id = ?")
                .param(incidentId)
                .query((rs, n) -> new A3(
                        rs.getString("background"),
                        rs.getString("current_state"),
                        rs.getString("goal"),
                        rs.getString("root_cause"),
                        rs.getString("countermeasures"),
                        rs.getString("plan"),
                        rs.getString("follow_up"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional()
                .orElse(new A3("", "", "", "", "", "", "", null));
    }

    @Transactional
    public A3 save(long incidentId, A3 form, AgentPrincipal actor) {
        requireWriter(actor);
        requireIncident(incidentId);
        jdbc.sql("""
                        insert into incident_retrospective (incident_id, background, current_state, goal, root_cause,
                                                            countermeasures, plan, follow_up, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (incident_id) do update set background = excluded.background,
                            current_state = excluded.current_state, goal = excluded.goal, root_cause = excluded.root_cause,
                            countermeasures = excluded.countermeasures, plan = excluded.plan,
                            follow_up = excluded.follow_up, updated_at = excluded.updated_at""")
                .params(
                        incidentId,
                        text(form.background()),
                        text(form.currentState()),
                        text(form.goal()),
                        text(form.rootCause()),
                        text(form.countermeasures()),
                        text(form.plan()),
                        text(form.followUp()),
                        Timestamp.from(clock.instant()))
                .update();
        return get(incidentId);
    }

    public List<Action> actions(long incidentId) {
        return jdbc.sql("""
                        select a.*, g.display_name owner_name from incident_action a left join agent g on g.id = a.owner_id
                        where a.incident_id = ? order by a.id""")
                .param(incidentId)
                .query((rs, n) -> {
                    Long issueId = rs.getObject("engineering_issue_id", Long.class);
                    var issue = issueId == null ? null : issues.get(issueId);
                    Timestamp doneAt = rs.getTimestamp("done_at");
                    Instant closedAt = issue == null ? null : issue.closedAt();
                    Instant done =
                            doneAt != null ? doneAt.toInstant() : issue != null && !issue.open() ? closedAt : null;
                    return new Action(
                            rs.getLong("id"),
                            rs.getString("title"),
                            rs.getObject("owner_id", Long.class),
                            rs.getString("owner_name"),
                            rs.getObject("due_on", LocalDate.class),
                            issueId,
                            issue == null ? null : issue.url(),
                            doneAt != null || (issue != null && !issue.open()),
                            done);
                })
                .list();
    }

    @Transactional
    public long addAction(long incidentId, ActionForm form, AgentPrincipal actor) {
        requireWriter(actor);
        requireIncident(incidentId);
        if (form.engineeringIssueId() != null) issues.get(form.engineeringIssueId());
        if (form.ownerId() != null
                && jdbc.sql("select count(*) from agent where id = ?")
                                .param(form.ownerId())
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new InvalidRequestException("ownerId", "is not an agent");
        }
        return jdbc.sql("""
                        insert into incident_action (incident_id, title, owner_id, due_on, engineering_issue_id, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        incidentId,
                        String.valueOf(form.title()).strip(),
                        form.ownerId(),
                        form.dueOn(),
                        form.engineeringIssueId(),
                        Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    @Transactional
    public void markDone(long incidentId, long actionId, boolean done, AgentPrincipal actor) {
        requireWriter(actor);
        int changed = jdbc.sql("update incident_action set done_at = ? where id = ? and incident_id = ?")
                .params(done ? Timestamp.from(clock.instant()) : null, actionId, incidentId)
                .update();
        if (changed == 0) throw new NotFoundException("No action " + actionId + " in incident " + incidentId + ".");
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static void requireWriter(AgentPrincipal actor) {
        if (!actor.role().canWrite()) throw new AccessDeniedException("Read-only agents cannot change retrospectives.");
    }

    private void requireIncident(long incidentId) {
        if (jdbc.sql("select count(*) from incident where id = ?")
                        .param(incidentId)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new NotFoundException("No incident " + incidentId + ".");
        }
    }
}
