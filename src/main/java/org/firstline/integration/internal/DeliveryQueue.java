package org.firstline.integration.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records a delivery in the current transaction: it goes out only if the change it reports commits, and then surely. */
@Component
public class DeliveryQueue {
    public enum Channel {
        SLACK,
        TRELLO,
        WEBHOOK
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A Slack message for a team's channel, or (teamId null) for the support-wide channel. */
    public void slack(@Nullable Long ticketId, @Nullable Long teamId, String event, String payload) {
        insert(ticketId, Channel.SLACK, teamId, null, event, payload);
    }

    public void trello(long ticketId, long teamId, String event, String payload) {
        insert(ticketId, Channel.TRELLO, teamId, null, event, payload);
    }

    public void webhook(@Nullable Long ticketId, long subscriptionId, String event, String payload) {
        insert(ticketId, Channel.WEBHOOK, null, subscriptionId, event, payload);
    }

    private void insert(
            @Nullable Long ticketId,
            Channel channel,
            @Nullable Long teamId,
            @Nullable Long subscriptionId,
            String event,
            String payload) {
        var now = Timestamp.from(clock.instant());
        // a webhook removed or disabled a moment ago on another node may still be in this node's copy: skip it here
        jdbc.sql("""
                insert into delivery (ticket_id, channel, team_id, subscription_id, event, payload, next_attempt_at, created_at)
                select ?::bigint, ?, ?::bigint, ?::bigint, ?, ?, ?::timestamptz, ?::timestamptz
                where ?::bigint is null or exists (select 1 from webhook_subscription w where w.id = ? and w.active)""")
                .params(
                        ticketId,
                        channel.name(),
                        teamId,
                        subscriptionId,
                        event,
                        payload,
                        now,
                        now,
                        subscriptionId,
                        subscriptionId)
                .update();
    }
}
