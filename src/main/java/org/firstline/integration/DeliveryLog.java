package org.firstline.integration;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The delivery log: what Firstline told whom about a ticket, or through a webhook, and how it went. */
@Service
public class DeliveryLog {
    private static final String SELECT = """
            select d.*, case d.channel when 'SLACK' then coalesce('Slack: ' || tm.name, 'Slack: support channel')
                                       when 'TRELLO' then 'Trello: ' || coalesce(tm.name, 'team')
                                       else 'Webhook: ' || coalesce(w.name, 'deleted') end as destination
            from delivery d left join team tm on tm.id = d.team_id left join webhook_subscription w on w.id = d.subscription_id
            """;

    private final JdbcClient jdbc;

    DeliveryLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DeliveryView> forTicket(long ticketId) {
        return jdbc.sql(SELECT + " where d.ticket_id = ? order by d.created_at, d.id")
                .param(ticketId)
                .query(DeliveryLog::view)
                .list();
    }

    public List<DeliveryView> forWebhook(long subscriptionId, int limit) {
        return jdbc.sql(SELECT + " where d.subscription_id = ? order by d.created_at desc, d.id desc limit ?")
                .params(subscriptionId, limit)
                .query(DeliveryLog::view)
                .list();
    }

    private static DeliveryView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        var delivered = rs.getTimestamp("delivered_at");
        return new DeliveryView(
                rs.getLong("id"),
                rs.getObject("ticket_id", Long.class),
                rs.getString("channel"),
                rs.getString("destination"),
                rs.getString("event"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant(),
                "PENDING".equals(rs.getString("status"))
                        ? rs.getTimestamp("next_attempt_at").toInstant()
                        : null);
    }
}
