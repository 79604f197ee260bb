package org.firstline.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.firstline.incident.IncidentImpact;
import org.firstline.incident.StatusBoard;
import org.firstline.incident.internal.IncidentView.Source;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declaring an incident by hand, from a ticket, from an alert or from a surge of similar tickets. The title is always
 * what the agent (or the alerting system) typed; a ticket's text is never copied. An alert's repeated key joins the
 * open incident it declared.
 */
@Component
public class IncidentDeclarations {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SeverityLevels severities;
    private final IncidentTickets tickets;
    private final StatusBoard board;

    IncidentDeclarations(
            JdbcClient jdbc, Clock clock, SeverityLevels severities, IncidentTickets tickets, StatusBoard board) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.severities = severities;
        this.tickets = tickets;
        this.board = board;
    }

    /** The incident and whether it is new (false: a repeated alert joined the open one). */
    public record Declared(long id, boolean created) {}

    @Transactional
    public Declared declare(DeclareForm form, AgentPrincipal actor) {
        if (!actor.role().canWrite()) throw new AccessDeniedException("Read-only agents cannot declare incidents.");
        Source source =
                form.source() != null ? form.source() : form.fromTicketId() != null ? Source.TICKET : Source.MANUAL;
        String alertKey = form.alertKey() == null || form.alertKey().isBlank()
                ? null
                : form.alertKey().strip();
        if (source == Source.ALERT && alertKey == null) {
            throw new InvalidRequestException(
                    "alertKey", "is required for an alert: a repeated alert joins its open incident");
        }
        if (source != Source.ALERT && alertKey != null) {
            throw new InvalidRequestException(
                    "alertKey", "belongs to an alert's declaration only: send \"source\": \"ALERT\" with it");
        }
        if (source == Source.TICKET && form.fromTicketId() == null) {
            throw new InvalidRequestException("fromTicketId", "is required when the source is TICKET");
        }
        if (form.fromTicketId() != null) tickets.requireTicket("fromTicketId", form.fromTicketId());
        List<Long> ticketIds = new ArrayList<>(form.ticketIds() == null ? List.of() : form.ticketIds());
        if (form.fromTicketId() != null) ticketIds.add(0, form.fromTicketId());
        var toLink = new LinkForm(ticketIds, form.ticketNumbers() == null ? List.of() : form.ticketNumbers());
        // unknown tickets refuse the declaration before anything is written, each named under its own field
        tickets.resolve(toLink);
        if (alertKey != null) {
            // serialises alerts of one key, so two at once cannot both declare
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                    .param("incident-alert:" + alertKey)
                    .query()
                    .singleRow();
            var open = jdbc.sql("select id from incident where alert_key = ? and resolved_at is null")
                    .param(alertKey)
                    .query(Long.class)
                    .optional();
            if (open.isPresent()) {
                if (hasTickets(toLink)) tickets.link(open.get(), toLink);
                return new Declared(open.get(), false);
            }
        }
        int severity = form.severity() == null ? 3 : form.severity();
        int interval = severities.intervalMinutes(severity);
        boolean isPublic = form.isPublic() != null ? form.isPublic() : source != Source.ALERT;
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into incident (title, status, impact, severity, public, declared_at, updated_at, source,
                                              alert_key, declared_by, communications_lead_id, next_update_due_at)
                        values (?, 'INVESTIGATING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        String.valueOf(form.title()).strip(),
                        (form.impact() == null ? IncidentImpact.MINOR : form.impact()).name(),
                        severity,
                        isPublic,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        source.name(),
                        alertKey,
                        actor.id() > 0 ? actor.id() : null,
                        actor.id() > 0 ? actor.id() : null,
                        Timestamp.from(now.plus(Duration.ofMinutes(interval))))
                .query(Long.class)
                .single();
        if (hasTickets(toLink)) tickets.link(id, toLink);
        if (isPublic) OrganizationNames.refuseNamed(jdbc, id, "title", String.valueOf(form.title()));
        String update = form.update() == null || form.update().isBlank()
                ? "Incident declared"
                        + (source == Source.MANUAL ? "." : " (" + source.name().toLowerCase() + ").")
                : form.update().strip();
        jdbc.sql("""
                        insert into incident_update (incident_id, status, body, public, posted_at, posted_by)
                        values (?, 'INVESTIGATING', ?, false, ?, ?)""")
                .params(id, update, Timestamp.from(now), actor.id() > 0 ? actor.id() : null)
                .update();
        board.changed();
        return new Declared(id, true);
    }

    private static boolean hasTickets(LinkForm form) {
        return !(form.ticketIds() == null || form.ticketIds().isEmpty())
                || !(form.ticketNumbers() == null || form.ticketNumbers().isEmpty());
    }
}
