package org.firstline.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.firstline.incident.IncidentStatus;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posting an update, the one way an incident changes status. A public update sets when the next is due (its
 * severity's interval) and, in the same transaction, writes one notice per address that must hear it.
 */
@Component
public class IncidentUpdates {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Notices notices;
    private final StatusBoard board;
    private final LinkedResolutions resolutions;

    IncidentUpdates(JdbcClient jdbc, Clock clock, Notices notices, StatusBoard board, LinkedResolutions resolutions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.notices = notices;
        this.board = board;
        this.resolutions = resolutions;
    }

    /** What posting did: the update, how many addresses will hear it, how many tickets were resolved with it. */
    public record Posted(long updateId, int notices, int ticketsResolved) {}

    @Transactional
    public Posted post(long incidentId, UpdateForm form, AgentPrincipal actor) {
        if (!actor.role().canWrite()) throw new AccessDeniedException("Read-only agents cannot post updates.");
        var current = jdbc.sql("select status, public from incident where id = ? for update")
                .param(incidentId)
                .query((rs, n) -> new Object() {
                    final IncidentStatus status = IncidentStatus.valueOf(rs.getString("status"));
                    final boolean isPublic = rs.getBoolean("public");
                })
                .optional()
                .orElseThrow(() -> new NotFoundException("No incident " + incidentId + "."));
        if (current.status == IncidentStatus.RESOLVED) {
            throw new ConflictException(
                    "The incident is resolved; its timeline is closed. Write in its retrospective.");
        }
        IncidentStatus status = form.status() == null ? current.status : form.status();
        boolean isPublic = form.publicUpdate();
        String body = String.valueOf(form.body()).strip();
        if (isPublic && !current.isPublic) {
            throw new ConflictException(
                    "The incident is not public yet: check its title is fit for customers and make it"
                            + " public first, or post this update as internal.");
        }
        if (isPublic) OrganizationNames.refuseNamed(jdbc, incidentId, "body", body);
        boolean resolving = status == IncidentStatus.RESOLVED;
        boolean resolveTickets = resolving && Boolean.TRUE.equals(form.resolveTickets());
        Instant now = clock.instant();
        long updateId = jdbc.sql("""
                        insert into incident_update (incident_id, status, body, public, posted_at, posted_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        incidentId,
                        status.name(),
                        body,
                        isPublic,
                        Timestamp.from(now),
                        actor.id() > 0 ? actor.id() : null)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        update incident i set status = :status, updated_at = :now,
                            resolved_at = case when :resolving then cast(:now as timestamptz) end,
                            next_update_due_at = case
                                when :resolving then null
                                when :public then cast(:now as timestamptz) + make_interval(mins => (
                                    select s.update_interval_minutes from incident_severity s where s.level = i.severity))
                                else i.next_update_due_at end
                        where id = :id""")
                .param("status", status.name())
                .param("now", Timestamp.from(now))
                .param("resolving", resolving)
                .param("public", isPublic)
                .param("id", incidentId)
                .update();
        int written = isPublic ? notices.write(incidentId, updateId, resolveTickets) : 0;
        int resolved = resolveTickets ? resolutions.resolveLinked(incidentId, form, actor) : 0;
        board.changed();
        return new Posted(updateId, written, resolved);
    }
}
