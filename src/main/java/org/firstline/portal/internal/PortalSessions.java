package org.firstline.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.firstline.platform.LinkTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customers' sessions: a random cookie of which the hash is the row's key. A session lapses after
 * {@link #IDLE} without a request and in any case {@link #LONGEST} after signing in; signing out ends it everywhere it
 * is used. Who the customer is and what they may see is read on each request ({@link CustomerDirectory}).
 */
@Component
public class PortalSessions {
    public static final Duration IDLE = Duration.ofHours(12);
    static final Duration LONGEST = Duration.ofDays(30);
    // a session's expiry moves on at most once a minute: not a write on every page
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A live session: whose it is. */
    public record Live(long id, long contactId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PortalSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens a session for the contact; the returned secret goes into the cookie and nowhere else. */
    public String open(long contactId) {
        String secret = LinkTokens.token();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into portal_session (token_hash, contact_id, created_at, last_seen_at, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(
                        LinkTokens.hash(secret),
                        contactId,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(IDLE)))
                .update();
        return secret;
    }

    public Optional<Live> find(String secret) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        select id, contact_id, created_at, last_seen_at from portal_session
                        where token_hash = ? and expires_at > ?""")
                .params(LinkTokens.hash(secret), Timestamp.from(now))
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getLong("contact_id"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("last_seen_at").toInstant()
                })
                .optional();
        if (row.isEmpty()) return Optional.empty();
        Object[] session = row.get();
        long id = (Long) session[0];
        Instant created = (Instant) session[2];
        if (((Instant) session[3]).plus(TOUCH_EVERY).isBefore(now)) {
            Instant until = now.plus(IDLE);
            Instant cap = created.plus(LONGEST);
            jdbc.sql("update portal_session set last_seen_at = ?, expires_at = ? where id = ?")
                    .params(Timestamp.from(now), Timestamp.from(until.isAfter(cap) ? cap : until), id)
                    .update();
        }
        return Optional.of(new Live(id, (Long) session[1]));
    }

    public void end(long sessionId) {
        jdbc.sql("delete from portal_session where id = ?").param(sessionId).update();
    }

    public int forgetExpired() {
        return jdbc.sql("delete from portal_session where expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
    }
}
