package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.email.StaffMail;
import org.firstline.integration.OutboundCalls;
import org.firstline.integration.TeamChannels;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.LinkTokens;
import org.firstline.platform.SecretCipher;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends due pages. Mail is queued in the outbox in the same transaction that marks the page sent: exactly once. A
 * webhook or Slack call cannot share a transaction, so the page is leased first (SENDING); a node that dies mid-call
 * leaves the lease to run out and the page is sent again: at least once, never silently lost.
 */
@Component
public class PageSender {
    static final int BATCH = 200;
    static final int MAX_ATTEMPTS = 3;
    static final Duration LEASE = Duration.ofSeconds(60);

    record Due(
            long id,
            long escalationId,
            int stepPosition,
            @Nullable Long agentId,
            @Nullable String agentName,
            @Nullable String agentEmail,
            @Nullable Long teamId,
            String method,
            @Nullable String methodEmail,
            @Nullable String methodUrl,
            String summary,
            boolean high,
            int attempts) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Channels channels;
    private final String publicUrl;

    PageSender(JdbcClient jdbc, Clock clock, TransactionTemplate tx, Channels channels, FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
        this.channels = channels;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    /** The ways out, in one place: mail, Slack incoming webhooks, personal webhooks, sealed addresses. */
    @Component
    record Channels(StaffMail mail, TeamChannels teams, OutboundCalls calls, SecretCipher cipher, ObjectMapper json) {}

    /** Sends what is due now; returns how many pages were dealt with. */
    public int sendDue() {
        int mailed = java.util.Objects.requireNonNull(tx.execute(s -> mailDue()));
        List<Due> calls = java.util.Objects.requireNonNull(tx.execute(s -> leaseCalls()));
        for (var page : calls) call(page);
        return mailed + calls.size();
    }

    private int mailDue() {
        Instant now = clock.instant();
        var due = claim("p.method = 'EMAIL' and p.status = 'PENDING'", now);
        for (var page : due) {
            String token = LinkTokens.token();
            String to = page.methodEmail() != null ? page.methodEmail() : page.agentEmail();
            if (to == null || to.isBlank()) {
                fail(page.id(), "no email address", now);
                continue;
            }
            var queued = channels.mail().send(to, subject(page), text(page, token));
            if (queued.isEmpty()) fail(page.id(), "no mailbox can send mail", now);
            else sent(page.id(), token, now);
        }
        return due.size();
    }

    private List<Due> leaseCalls() {
        Instant now = clock.instant();
        var due = claim(
                "p.method in ('WEBHOOK', 'SLACK') and (p.status = 'PENDING' or (p.status = 'SENDING' and p.lease_until < :now))",
                now);
        for (var page : due) {
            jdbc.sql("update page set status = 'SENDING', lease_until = ?, attempts = attempts + 1 where id = ?")
                    .params(Timestamp.from(now.plus(LEASE)), page.id())
                    .update();
        }
        return due;
    }

    private List<Due> claim(String which, Instant now) {
        return jdbc.sql("""
                        select p.id, p.escalation_id, p.step_position, p.agent_id, a.display_name, a.email, p.team_id, p.method,
                               m.email as method_email, m.url as method_url, e.summary, e.high, p.attempts
                        from page p
                        join escalation e on e.id = p.escalation_id
                        left join agent a on a.id = p.agent_id
                        left join contact_method m on m.id = p.contact_method_id
                        where %s and p.due_at <= :now and e.status in ('ACTIVE', 'HANDED_OVER')
                        order by p.due_at, p.id limit :limit for update of p skip locked""".formatted(which))
                .param("now", Timestamp.from(now))
                .param("limit", BATCH)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getLong("escalation_id"),
                        rs.getInt("step_position"),
                        rs.getObject("agent_id", Long.class),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        rs.getObject("team_id", Long.class),
                        rs.getString("method"),
                        rs.getString("method_email"),
                        rs.getString("method_url"),
                        rs.getString("summary"),
                        rs.getBoolean("high"),
                        rs.getInt("attempts")))
                .list();
    }

    private void call(Due page) {
        String token = LinkTokens.token();
        Instant now = clock.instant();
        String url;
        String body;
        if (page.method().equals("SLACK")) {
            var hook = page.teamId() == null
                    ? java.util.Optional.<String>empty()
                    : channels.teams().slackWebhook(page.teamId());
            if (hook.isEmpty()) {
                tx.executeWithoutResult(s -> fail(page.id(), "the team has no Slack channel set", now));
                return;
            }
            url = hook.get();
            body = channels.json()
                    .writeValueAsString(java.util.Map.of("text", subject(page) + "\n" + text(page, token)));
        } else {
            if (page.methodUrl() == null) {
                tx.executeWithoutResult(s -> fail(page.id(), "the contact method was removed", now));
                return;
            }
            url = channels.cipher().decrypt(page.methodUrl());
            body = channels.json()
                    .writeValueAsString(java.util.Map.of(
                            "type", page.stepPosition() == -2 ? "first_line" : "page",
                            "escalationId", page.escalationId(),
                            "summary", page.summary(),
                            "highSeverity", page.high(),
                            "respondUrl", publicUrl + "/pages/" + token));
        }
        var outcome = channels.calls().postJson(url, body);
        Instant done = clock.instant();
        tx.executeWithoutResult(s -> {
            if (outcome.ok()) sent(page.id(), token, done);
            else if (outcome.permanent() || page.attempts() + 1 >= MAX_ATTEMPTS) fail(page.id(), outcome.error(), done);
            else {
                jdbc.sql(
                                "update page set status = 'PENDING', due_at = ?, error = ?, lease_until = null where id = ? and status = 'SENDING'")
                        .params(
                                Timestamp.from(done.plusSeconds(30L * (page.attempts() + 1))),
                                outcome.error(),
                                page.id())
                        .update();
            }
        });
    }

    private void sent(long id, String token, Instant at) {
        jdbc.sql(
                        "update page set status = 'SENT', sent_at = ?, token_hash = ?, lease_until = null, error = null where id = ?")
                .params(Timestamp.from(at), LinkTokens.hash(token), id)
                .update();
    }

    private void fail(long id, @Nullable String why, Instant at) {
        jdbc.sql("update page set status = 'FAILED', error = ?, lease_until = null where id = ?")
                .params(why == null ? "failed" : why, id)
                .update();
    }

    private static String subject(Due page) {
        return (page.stepPosition() == -2 ? "[First line] " : "[Page] ") + page.summary();
    }

    private String text(Due page, String token) {
        String hello = page.agentName() == null ? "" : "Hello " + page.agentName() + ",\n\n";
        String what = page.stepPosition() == -2
                ? "An alert for first line came in out of hours or at low severity; nobody was paged:\n\n  "
                : "You are paged" + (page.stepPosition() == -1 ? " as a responder" : "") + ":\n\n  ";
        return hello + what + page.summary() + "\n\nAcknowledge or resolve it (no sign-in needed): " + publicUrl
                + "/pages/" + token + "\nThe escalation: " + publicUrl + "/oncall/escalations/" + page.escalationId()
                + "\n";
    }
}
