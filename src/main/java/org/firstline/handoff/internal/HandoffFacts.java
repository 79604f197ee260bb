package org.firstline.handoff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a handoff draft says about a shift, read from the desk's tables for one team (every team for a rota without
 * one): open tickets, breaches, incidents, the outgoing person's pages, and the load of the period.
 */
@Component
class HandoffFacts {
    static final int LISTED = 15;

    private final JdbcClient jdbc;

    HandoffFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String draft(@Nullable Long teamId, @Nullable Long outgoing, Instant from, Instant to, ZoneId zone) {
        var out = new StringBuilder();
        var t0 = Timestamp.from(from);
        var t1 = Timestamp.from(to);
        var open = jdbc.sql("""
                        select '#' || number || ' ' || subject || ' (' || lower(priority) || ', ' || lower(status) || ')'
                        from ticket where status in ('NEW', 'OPEN', 'PENDING') and (?::bigint is null or team_id = ?)
                        order by (case priority when 'CRITICAL' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end), id
                        limit ?""")
                .params(teamId, teamId, LISTED + 1)
                .query((rs, n) -> rs.getString(1))
                .list();
        section(out, "Open tickets", open);
        section(
                out,
                "Service levels breached during the shift",
                jdbc.sql("""
                        select '#' || t.number || ' ' || t.subject || ': ' || lower(replace(s.target, '_', ' '))
                        from sla_event e join ticket_sla s on s.id = e.ticket_sla_id join ticket t on t.id = e.ticket_id
                        where e.kind = 'BREACHED' and e.recorded_at >= ? and e.recorded_at < ?
                          and (?::bigint is null or t.team_id = ?)
                        order by e.recorded_at limit ?""")
                        .params(t0, t1, teamId, teamId, LISTED + 1)
                        .query((rs, n) -> rs.getString(1))
                        .list());
        section(
                out,
                "Incidents",
                jdbc.sql("""
                        select title || ' (' || lower(status) || ')' from incident
                        where declared_at < ? and (resolved_at is null or resolved_at >= ?) order by declared_at limit ?""")
                        .params(t1, t0, LISTED + 1)
                        .query((rs, n) -> rs.getString(1))
                        .list());
        section(
                out,
                "Your pages",
                outgoing == null
                        ? List.of()
                        : jdbc.sql("""
                        select distinct on (e.id) e.summary || ' (' || lower(e.status) || ')'
                        from page p join escalation e on e.id = p.escalation_id
                        where p.agent_id = ? and p.status = 'SENT' and p.sent_at >= ? and p.sent_at < ?
                        order by e.id limit ?""")
                                .params(outgoing, t0, t1, LISTED + 1)
                                .query((rs, n) -> rs.getString(1))
                                .list());
        section(
                out,
                "Unique requesters per day (not staff, not internal tickets)",
                jdbc.sql("""
                        select to_char(day, 'Dy YYYY-MM-DD') || ': ' || n from (
                            select (t.created_at at time zone ?)::date as day, count(distinct t.requester_id) as n
                            from ticket t
                            where t.created_at >= ? and t.created_at < ? and not t.internal
                              and (?::bigint is null or t.team_id = ?)
                              and not exists (select 1 from contact_email ce join agent a on lower(a.email) = ce.email
                                              where ce.contact_id = t.requester_id)
                            group by 1) d
                        order by day""")
                        .params(zone.getId(), t0, t1, teamId, teamId)
                        .query((rs, n) -> rs.getString(1))
                        .list());
        section(
                out,
                "Tickets created during the shift",
                jdbc.sql("""
                        select '#' || number || ' ' || subject from ticket
                        where created_at >= ? and created_at < ? and (?::bigint is null or team_id = ?) order by id limit ?""")
                        .params(t0, t1, teamId, teamId, LISTED + 1)
                        .query((rs, n) -> rs.getString(1))
                        .list());
        section(
                out,
                "Escalated to engineering during the shift",
                jdbc.sql("""
                        select '#' || t.number || ' ' || t.subject || ': ' || i.url
                        from engineering_issue i join ticket t on t.id = i.ticket_id
                        where i.purpose = 'ESCALATION' and i.created_at >= ? and i.created_at < ?
                          and (?::bigint is null or t.team_id = ?)
                        order by i.id limit ?""")
                        .params(t0, t1, teamId, teamId, LISTED + 1)
                        .query((rs, n) -> rs.getString(1))
                        .list());
        out.append("Notes for the next person:\n\n");
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append(title).append(":\n");
        if (lines.isEmpty()) out.append("  none\n");
        var shown = new ArrayList<>(lines.subList(0, Math.min(LISTED, lines.size())));
        for (String line : shown) out.append("  - ").append(line).append('\n');
        if (lines.size() > LISTED) out.append("  - and more\n");
        out.append('\n');
    }
}
