package org.firstline.ticketform.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticketform.FormConfirmationRequested;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests from the public form waiting for their address to confirm them. The link carries a random token; only its
 * hash is stored, so the table alone cannot confirm anything. A request expires after {@link #LIFETIME}.
 */
@Component
public class PendingRequests {
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored request as its confirmation page shows it. */
    public record Pending(
            long id,
            String name,
            String email,
            String subject,
            String description,
            Instant expiresAt,
            @Nullable Instant confirmedAt,
            @Nullable Long ticketId) {}

    /** More requests than allowed in the last hour, from this address or this network address. */
    public static final class TooManyRequests extends RuntimeException {
        TooManyRequests() {
            super("Too many requests in the last hour; please try again later.");
        }
    }

    /** The link is past its time and was never used. */
    public static final class Expired extends RuntimeException {
        Expired() {
            super("This confirmation link has expired.");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String publicUrl;
    private final SubmissionLimits limits;

    PendingRequests(
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            FirstlineSettings settings,
            SubmissionLimits limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
        this.limits = limits;
    }

    /**
     * Stores the request and asks the address to confirm it. Limits: {@code firstline.ticket-form.limit-per-hour}
     * requests per address (5), {@code network-limit-per-hour} per network address (20: an office shares one). The limit counts stored requests in the database, so it
     * holds across nodes and restarts; the same answer is given whether or not the address is known.
     */
    @Transactional
    public void submit(String name, String email, String subject, String description, String ipHash) {
        Instant now = clock.instant();
        Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
        int byAddress = jdbc.sql("select count(*) from form_request where lower(email) = lower(?) and created_at > ?")
                .params(email, hourAgo)
                .query(Integer.class)
                .single();
        int byNetwork = jdbc.sql("select count(*) from form_request where ip_hash = ? and created_at > ?")
                .params(ipHash, hourAgo)
                .query(Integer.class)
                .single();
        if (byAddress >= limits.perAddress() || byNetwork >= limits.perNetwork()) throw new TooManyRequests();
        String token = token();
        Instant expires = now.plus(LIFETIME);
        long id = jdbc.sql("""
                insert into form_request (token_hash, name, email, subject, description, ip_hash, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        FormSigner.sha256(token),
                        name,
                        email,
                        subject,
                        description,
                        ipHash,
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .query(Long.class)
                .single();
        events.publishEvent(new FormConfirmationRequested(
                id, email, name, subject, publicUrl + "/request/confirm/" + token, expires));
    }

    public Optional<Pending> byToken(String token) {
        return jdbc.sql("""
                select id, name, email, subject, description, expires_at, confirmed_at, ticket_id
                from form_request where token_hash = ?""")
                .param(FormSigner.sha256(token))
                .query((rs, n) -> new Pending(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("email"),
                        rs.getString("subject"),
                        rs.getString("description"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("confirmed_at") == null
                                ? null
                                : rs.getTimestamp("confirmed_at").toInstant(),
                        rs.getObject("ticket_id", Long.class)))
                .optional();
    }

    /**
     * Claims the request for confirmation: true for exactly one caller, however often or concurrently the link is
     * used (the row lock makes a second claim wait and then find it taken). Must run in the transaction that opens
     * the ticket, so a failed opening leaves the request unclaimed.
     */
    boolean claim(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql(
                                "update form_request set confirmed_at = ? where id = ? and confirmed_at is null and expires_at > ?")
                        .params(now, id, now)
                        .update()
                == 1;
    }

    @Nullable
    Long ticketOf(long id) {
        return jdbc
                .sql("select ticket_id from form_request where id = ?")
                .param(id)
                .query((rs, n) -> rs.getObject(1, Long.class))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    void filed(long id, long ticketId) {
        jdbc.sql("update form_request set ticket_id = ? where id = ?")
                .params(ticketId, id)
                .update();
    }

    public boolean expired(Pending pending) {
        return !pending.expiresAt().isAfter(clock.instant());
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
