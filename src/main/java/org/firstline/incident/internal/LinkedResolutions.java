package org.firstline.incident.internal;

import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolving an incident's open linked tickets through the ticket's own resolution path: each requester gets that
 * ticket's resolution mail (with its confirm links), and the incident's resolution update leaves them out so they
 * do not hear it twice. The link points at the status page, where the resolution update is.
 */
@Component
class LinkedResolutions {
    private final JdbcClient jdbc;
    private final TicketChanges changes;
    private final String statusUrl;

    LinkedResolutions(JdbcClient jdbc, TicketChanges changes, FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.statusUrl = settings.publicUrl().replaceAll("/+$", "") + "/status";
    }

    int resolveLinked(long incidentId, UpdateForm form, AgentPrincipal actor) {
        Resolution resolution = form.ticketResolution() == null ? Resolution.WORKAROUND : form.ticketResolution();
        String link = form.ticketResolutionLink() == null
                        || form.ticketResolutionLink().isBlank()
                ? statusUrl
                : form.ticketResolutionLink().strip();
        List<Long> open =
                jdbc.sql("""
                        select t.id from incident_ticket it join ticket t on t.id = it.ticket_id
                        where it.incident_id = ? and t.status in ('NEW', 'OPEN', 'PENDING') order by t.id""").param(incidentId).query((rs, n) -> rs.getLong(1)).list();
        for (long ticketId : open) {
            changes.change(ticketId, TicketChange.toStatus(TicketStatus.RESOLVED, null, resolution, link), actor);
        }
        return open.size();
    }
}
