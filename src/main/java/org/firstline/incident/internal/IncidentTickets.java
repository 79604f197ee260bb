package org.firstline.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tickets an incident gathers, linked in one statement however many; linking adds the tickets' organizations to
 * the affected ones. Suggests open tickets from affected organizations that came in since the incident began.
 */
@Component
public class IncidentTickets {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SurgeWatch surges;

    IncidentTickets(JdbcClient jdbc, Clock clock, SurgeWatch surges) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.surges = surges;
    }

    /** A linked or suggested ticket as the incident page lists it; no customer text beyond the subject agents see. */
    public record LinkedTicket(
            long id, long number, String subject, String status, String organization, String requester) {}

    /** Links the tickets, given by id or by number; refuses the whole request if any is unknown. Returns how many were new. */
    @Transactional
    public int link(long incidentId, LinkForm form) {
        Long[] ids = resolve(form);
        if (ids.length == 0) {
            throw new InvalidRequestException("ticketIds", "is required: give at least one ticket id or number");
        }
        return linkIds(incidentId, ids);
    }

    int linkIds(long incidentId, Long[] ids) {
        requireIncident(incidentId);
        // a resolved incident's customers have heard its last word: a new report belongs to a new incident
        if (jdbc.sql("select resolved_at is not null from incident where id = ?")
                .param(incidentId)
                .query(Boolean.class)
                .single()) {
            throw new ConflictException("Incident " + incidentId
                    + " is resolved: tickets can no longer be linked to it. Declare a new incident for them.");
        }
        int linked = jdbc.sql("""
                        insert into incident_ticket (incident_id, ticket_id, linked_at)
                        select ?, t.id, ? from ticket t where t.id = any(?)
                        on conflict do nothing""")
                .params(incidentId, Timestamp.from(clock.instant()), ids)
                .update();
        jdbc.sql("""
                        insert into incident_organization (incident_id, organization_id)
                        select distinct ?, t.organization_id from ticket t
                        where t.id = any(?) and t.organization_id is not null
                        on conflict do nothing""").params(incidentId, ids).update();
        surges.changed(); // linked tickets leave the surge suggestion
        return linked;
    }

    /** Unlinks the ticket; a ticket that was never linked to the incident is a 404. */
    @Transactional
    public void unlink(long incidentId, long ticketId) {
        requireIncident(incidentId);
        surges.changed();
        if (jdbc.sql("delete from incident_ticket where incident_id = ? and ticket_id = ?")
                        .params(incidentId, ticketId)
                        .update()
                == 0) {
            throw new NotFoundException("Ticket " + ticketId + " is not linked to incident " + incidentId + ".");
        }
    }

    public List<LinkedTicket> linked(long incidentId, int limit) {
        return jdbc.sql(SELECT + """
                        join incident_ticket it on it.ticket_id = t.id and it.incident_id = ?
                        order by t.created_at desc, t.id desc limit ?""")
                .params(incidentId, limit)
                .query(IncidentTickets::row)
                .list();
    }

    /** Open tickets of the affected organizations that came in since the incident was declared (an hour before, to catch the first reports), not linked yet. */
    public List<LinkedTicket> suggested(long incidentId, int limit) {
        return jdbc.sql(SELECT + """
                        join incident i on i.id = ?
                        where t.organization_id in (select organization_id from incident_organization where incident_id = i.id)
                          and t.created_at >= i.declared_at - ?::interval
                          and t.status in ('NEW', 'OPEN', 'PENDING')
                          and not exists (select 1 from incident_ticket x where x.incident_id = i.id and x.ticket_id = t.id)
                        order by t.created_at desc, t.id desc limit ?""")
                .params(incidentId, Duration.ofHours(1).toSeconds() + " seconds", limit)
                .query(IncidentTickets::row)
                .list();
    }

    /** Open incidents a ticket is linked to. */
    public List<Long> incidentsOf(long ticketId) {
        return jdbc.sql("select incident_id from incident_ticket where ticket_id = ? order by incident_id")
                .param(ticketId)
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    private static final String SELECT = """
            select t.id, t.number, t.subject, t.status, coalesce(o.name, '') org, coalesce(c.name, '') requester
            from ticket t
            left join organization o on o.id = t.organization_id
            left join contact c on c.id = t.requester_id
            """;

    private static LinkedTicket row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LinkedTicket(
                rs.getLong("id"),
                rs.getLong("number"),
                rs.getString("subject"),
                rs.getString("status"),
                rs.getString("org"),
                rs.getString("requester"));
    }

    /** The ids of the tickets given by id or number; an unknown one refuses the request under its own field. */
    Long[] resolve(LinkForm form) {
        List<Long> ids = new ArrayList<>();
        if (form.ticketIds() != null) {
            Long[] given = form.ticketIds().stream().distinct().toArray(Long[]::new);
            List<Long> unknown = jdbc.sql(
                            "select x from unnest(?::bigint[]) x where not exists (select 1 from ticket t where t.id = x) order by x")
                    .param(given)
                    .query((rs, n) -> rs.getLong(1))
                    .list();
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException(
                        "ticketIds", "names tickets that do not exist: " + sample(unknown) + "; nothing was linked");
            }
            ids.addAll(List.of(given));
        }
        if (form.ticketNumbers() != null) {
            Long[] numbers = form.ticketNumbers().stream().distinct().toArray(Long[]::new);
            List<Long> unknown = jdbc.sql(
                            "select x from unnest(?::bigint[]) x where not exists (select 1 from ticket t where t.number = x) order by x")
                    .param(numbers)
                    .query((rs, n) -> rs.getLong(1))
                    .list();
            if (!unknown.isEmpty()) {
                throw new InvalidRequestException(
                        "ticketNumbers",
                        "names tickets that do not exist: #" + sample(unknown).replace(", ", ", #")
                                + "; nothing was linked");
            }
            ids.addAll(jdbc.sql("select id from ticket where number = any(?)")
                    .param(numbers)
                    .query((rs, n) -> rs.getLong(1))
                    .list());
        }
        return ids.stream().distinct().toArray(Long[]::new);
    }

    private static String sample(List<Long> values) {
        String shown =
                String.join(", ", values.stream().limit(10).map(String::valueOf).toList());
        return values.size() > 10 ? shown + " and " + (values.size() - 10) + " more" : shown;
    }

    void requireTicket(String field, long ticketId) {
        if (jdbc.sql("select count(*) from ticket where id = ?")
                        .param(ticketId)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new InvalidRequestException(field, "names a ticket that does not exist: " + ticketId);
        }
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
