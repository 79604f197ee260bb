package org.firstline.oncall.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.firstline.integration.OutboundCalls;
import org.firstline.platform.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Posts approved claims to the HR system, one at a time, retried with a growing pause, failures kept and shown. */
@Component
public class ToilDeliverySender {
    static final int MAX_ATTEMPTS = 8;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboundCalls calls;
    private final SecretCipher cipher;
    private final ObjectMapper json;

    ToilDeliverySender(JdbcClient jdbc, Clock clock, OutboundCalls calls, SecretCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.calls = calls;
        this.cipher = cipher;
        this.json = json;
    }

    public int sendDue() {
        Instant now = clock.instant();
        var url = jdbc.sql("select hr_webhook_url from toil_settings where id = 1 and hr_webhook_url is not null")
                .query((rs, n) -> rs.getString(1))
                .optional();
        if (url.isEmpty()) return 0;
        // one node at a time takes a delivery; a call is made outside any transaction, then recorded
        var due = jdbc.sql("""
                        update toil_delivery set next_attempt_at = ?, attempts = attempts + 1
                        where id = (select id from toil_delivery where status = 'PENDING' and next_attempt_at <= ?
                                    order by next_attempt_at limit 1 for update skip locked)
                        returning id, claim_id, attempts""")
                .params(Timestamp.from(now.plusSeconds(120)), Timestamp.from(now))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3)})
                .optional();
        if (due.isEmpty()) return 0;
        long[] d = due.get();
        var claim = jdbc.sql("""
                        select c.id, c.agent_id, a.display_name, a.email, c.episode_start, c.days, c.woke, c.minutes_worked,
                               c.out_of_hours_minutes, c.decided_at
                        from toil_claim c join agent a on a.id = c.agent_id where c.id = ?""")
                .param(d[1])
                .query((rs, n) -> Map.<String, Object>of(
                        "type", "toil.approved",
                        "claimId", rs.getLong("id"),
                        "agentId", rs.getLong("agent_id"),
                        "agent", rs.getString("display_name"),
                        "email", rs.getString("email"),
                        "episodeStart",
                                rs.getTimestamp("episode_start").toInstant().toString(),
                        "days", rs.getBigDecimal("days"),
                        "woke", rs.getBoolean("woke"),
                        "minutesWorked", rs.getInt("minutes_worked"),
                        "outOfHoursMinutes", rs.getInt("out_of_hours_minutes")))
                .single();
        var outcome = calls.postJson(cipher.decrypt(url.get()), json.writeValueAsString(claim));
        Instant done = clock.instant();
        if (outcome.ok()) {
            jdbc.sql("update toil_delivery set status = 'SENT', error = null where id = ?")
                    .param(d[0])
                    .update();
        } else if (outcome.permanent() || d[2] >= MAX_ATTEMPTS) {
            jdbc.sql("update toil_delivery set status = 'FAILED', error = ? where id = ?")
                    .params(outcome.error(), d[0])
                    .update();
        } else {
            jdbc.sql("update toil_delivery set error = ?, next_attempt_at = ? where id = ?")
                    .params(outcome.error(), Timestamp.from(done.plusSeconds(60L << Math.min(d[2], 6))), d[0])
                    .update();
        }
        return 1;
    }
}
