package org.firstline.triage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.firstline.ticket.Impact;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What suggestions are computed from: the ticket's text and who it is for, read in one query. */
@Component
public class TicketFacts {
    public record Facts(
            long id,
            String subject,
            String body,
            TicketType type,
            Priority priority,
            Impact impact,
            @Nullable Long teamId,
            @Nullable Long organizationId,
            @Nullable String organizationName,
            @Nullable Long serviceId,
            @Nullable String serviceName,
            @Nullable String planName,
            boolean aroundTheClock,
            List<String> labels,
            Instant updatedAt,
            @Nullable Instant lastMessageAt) {}

    private final JdbcClient jdbc;

    TicketFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Facts> of(long ticketId) {
        return jdbc.sql("""
                select t.id, t.subject, t.type, t.priority, t.impact, t.team_id, t.organization_id, o.name as organization_name,
                       t.service_id, s.name as service_name, p.name as plan_name, coalesce(p.around_the_clock, false) as around_the_clock,
                       t.updated_at,
                       coalesce((select m.body from message m where m.ticket_id = t.id order by m.id limit 1), '') as body,
                       (select max(m.created_at) from message m where m.ticket_id = t.id) as last_message_at,
                       array(select l.name from ticket_label tl join label l on l.id = tl.label_id where tl.ticket_id = t.id) as labels
                from ticket t
                left join organization o on o.id = t.organization_id
                left join service s on s.id = t.service_id
                left join support_plan p on p.id = o.plan_id
                where t.id = ?""").param(ticketId).query(TicketFacts::facts).optional();
    }

    private static Facts facts(ResultSet rs, int n) throws SQLException {
        var lastMessage = rs.getTimestamp("last_message_at");
        return new Facts(
                rs.getLong("id"),
                rs.getString("subject"),
                rs.getString("body"),
                TicketType.valueOf(rs.getString("type")),
                Priority.valueOf(rs.getString("priority")),
                Impact.valueOf(rs.getString("impact")),
                rs.getObject("team_id", Long.class),
                rs.getObject("organization_id", Long.class),
                rs.getString("organization_name"),
                rs.getObject("service_id", Long.class),
                rs.getString("service_name"),
                rs.getString("plan_name"),
                rs.getBoolean("around_the_clock"),
                Arrays.asList((String[]) rs.getArray("labels").getArray()),
                rs.getTimestamp("updated_at").toInstant(),
                lastMessage == null ? null : lastMessage.toInstant());
    }
}
