package org.firstline.integration.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.integration.IntegrationSettingsService;
import org.firstline.integration.TeamChannels;
import org.firstline.platform.SecretCipher;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Each is leased before the call, so any number of nodes send each once; the outcome is
 * recorded after. Failures retry at 1, 2, 4 … 60 minutes up to {@value #MAX_ATTEMPTS} attempts; a refusal that will
 * not change (4xx other than 408/429) is given up at once. A webhook failing {@value #DISABLE_AFTER} deliveries in a row
 * is disabled with the reason; giving up on a team's Slack or Trello message is noted on the ticket.
 */
@Component
public class DeliverySender {
    static final int MAX_ATTEMPTS = 8;
    static final int DISABLE_AFTER = 10;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private record Due(
            long id,
            @Nullable Long ticketId,
            String channel,
            @Nullable Long teamId,
            @Nullable Long subscriptionId,
            String event,
            String payload,
            int attempts) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboundHttp http;
    private final IntegrationSettingsService settings;
    private final TeamChannels channels;
    private final SecretCipher cipher;
    private final ConversationService conversation;
    private final AgentService agents;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    DeliverySender(
            JdbcClient jdbc,
            Clock clock,
            OutboundHttp http,
            IntegrationSettingsService settings,
            TeamChannels channels,
            SecretCipher cipher,
            ConversationService conversation,
            AgentService agents,
            TransactionTemplate transactions,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.http = http;
        this.settings = settings;
        this.channels = channels;
        this.cipher = cipher;
        this.conversation = conversation;
        this.agents = agents;
        this.transactions = transactions;
        this.meters = meters;
    }

    /** Sends what is due now; returns how many were attempted. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                update delivery set leased_until = :lease
                where id in (select id from delivery where status = 'PENDING' and next_attempt_at <= :now
                               and (leased_until is null or leased_until < :now)
                             order by next_attempt_at, id limit 50 for update skip locked)
                returning id, ticket_id, channel, team_id, subscription_id, event, payload, attempts""")
                .param("lease", Timestamp.from(now.plus(LEASE)))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getObject("ticket_id", Long.class),
                        rs.getString("channel"),
                        rs.getObject("team_id", Long.class),
                        rs.getObject("subscription_id", Long.class),
                        rs.getString("event"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
        for (Due d : due) {
            OutboundHttp.Result result = send(d);
            transactions.executeWithoutResult(status -> record(d, result));
        }
        return due.size();
    }

    private OutboundHttp.Result send(Due d) {
        return switch (d.channel()) {
            case "SLACK" -> {
                String hook = d.teamId() == null
                        ? settings.secrets().slackSupportWebhook()
                        : channels.slackWebhook(d.teamId()).orElse(null);
                yield hook == null
                        ? new OutboundHttp.Result(0, null, "no Slack webhook is set any more")
                        : http.send("POST", hook, Map.of(), d.payload());
            }
            case "TRELLO" -> {
                var s = settings.secrets();
                if (s.trelloKey() == null || s.trelloToken() == null) {
                    yield new OutboundHttp.Result(0, null, "Trello key and token are not set");
                }
                String url = s.trelloBaseUrl() + "/1/cards?key=" + encode(s.trelloKey()) + "&token="
                        + encode(s.trelloToken());
                yield http.send("POST", url, Map.of("Accept", "application/json"), d.payload());
            }
            case "WEBHOOK" -> {
                var hook = jdbc.sql("select url, secret, active from webhook_subscription where id = ?")
                        .param(d.subscriptionId())
                        .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBoolean(3)})
                        .optional()
                        .orElse(null);
                if (hook == null || !(Boolean) hook[2]) {
                    yield new OutboundHttp.Result(410, null, null);
                }
                long timestamp = clock.instant().getEpochSecond();
                String secret = cipher.decrypt((String) hook[1]);
                yield http.send(
                        "POST",
                        (String) hook[0],
                        Map.of(
                                "X-Firstline-Event", d.event(),
                                "X-Firstline-Delivery", String.valueOf(d.id()),
                                "X-Firstline-Timestamp", String.valueOf(timestamp),
                                "X-Firstline-Signature", WebhookSignature.sign(secret, timestamp, d.payload())),
                        d.payload());
            }
            default -> new OutboundHttp.Result(0, null, "unknown channel " + d.channel());
        };
    }

    private void record(Due d, OutboundHttp.Result result) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        if (result.ok()) {
            jdbc.sql("""
                    update delivery set status = 'DELIVERED', attempts = ?, last_status = ?, last_error = null, delivered_at = ?,
                           leased_until = null where id = ?""")
                    .params(attempts, result.status(), Timestamp.from(now), d.id())
                    .update();
            if (d.subscriptionId() != null) {
                jdbc.sql("update webhook_subscription set consecutive_failures = 0 where id = ?")
                        .param(d.subscriptionId())
                        .update();
            }
            meters.counter("firstline.integration.deliveries", "channel", d.channel(), "result", "delivered")
                    .increment();
            return;
        }
        boolean giveUp = attempts >= MAX_ATTEMPTS || result.permanent();
        jdbc.sql("""
                update delivery set status = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ?, leased_until = null
                where id = ?""")
                .params(
                        giveUp ? "GIVEN_UP" : "PENDING",
                        attempts,
                        result.status() == 0 ? null : result.status(),
                        result.describe(),
                        Timestamp.from(now.plus(backoff(attempts))),
                        d.id())
                .update();
        meters.counter(
                        "firstline.integration.deliveries",
                        "channel",
                        d.channel(),
                        "result",
                        giveUp ? "given_up" : "failed")
                .increment();
        if (d.subscriptionId() != null) {
            int failures = jdbc.sql("""
                    update webhook_subscription set consecutive_failures = consecutive_failures + 1 where id = ? and active
                    returning consecutive_failures""")
                    .param(d.subscriptionId())
                    .query(Integer.class)
                    .optional()
                    .orElse(0);
            if (failures >= DISABLE_AFTER) {
                String reason =
                        "Disabled after " + failures + " failed deliveries in a row; the last: " + result.describe();
                jdbc.sql("update webhook_subscription set active = false, disabled_reason = ? where id = ?")
                        .params(reason, d.subscriptionId())
                        .update();
                jdbc.sql("""
                        update delivery set status = 'GIVEN_UP', last_error = 'the webhook was disabled'
                        where subscription_id = ? and status = 'PENDING'""").param(d.subscriptionId()).update();
            }
        } else if (giveUp && d.ticketId() != null) {
            // webhook failures are on the webhook; a team not told is the ticket's business
            conversation.post(
                    d.ticketId(),
                    new MessageForm(
                            "Could not tell " + (d.channel().equals("SLACK") ? "Slack" : "Trello")
                                    + " about " + d.event().replace('.', ' ') + " after " + attempts
                                    + (attempts == 1 ? " attempt" : " attempts")
                                    + ": " + result.describe(),
                            MessageKind.NOTE,
                            null),
                    agents.system("integration"));
        }
    }

    static Duration backoff(int attempts) {
        return Duration.ofMinutes(Math.min(60, 1L << Math.min(6, attempts - 1)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
