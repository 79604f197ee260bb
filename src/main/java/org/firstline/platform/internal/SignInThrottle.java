package org.firstline.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing on every node and across restarts: sign-in attempts are kept in the database, and an
 * account with {@value #ACCOUNT_LIMIT} failures, or an address with {@value #ADDRESS_LIMIT} (password spraying tries
 * many accounts from one place), is refused until the oldest of those failures is {@link #WINDOW} old.
 *
 * <p>An attempt is written before its password is checked and judged by the attempts written before it, so requests
 * sent in parallel cannot all slip in before the first failure is counted.
 */
@Component
class SignInThrottle {
    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an attempt, counted as a failure until {@link #succeeded} or {@link #forget}; its id. */
    long attempt(String username, String address) {
        Instant now = clock.instant();
        return jdbc.sql("""
                with expired as (delete from sign_in_failure where failed_at < :expired)
                insert into sign_in_failure (username, address, failed_at) values (:username, :address, :now) returning id""")
                .param("expired", Timestamp.from(now.minus(WINDOW.multipliedBy(2))))
                .param("username", abbreviate(username))
                .param("address", address)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** How long this attempt must wait, judged by the attempts before it, if it must. */
    Optional<Duration> waitFor(long attempt, String username, String address) {
        Instant now = clock.instant();
        var since = Timestamp.from(now.minus(WINDOW));
        // the failure that, once WINDOW old, lets the next attempt through: the 5th newest of the account's, the 20th
        // of the address's, whichever is later
        return jdbc.sql("""
                select greatest(
                    (select failed_at from sign_in_failure
                     where lower(username) = lower(:username) and failed_at > :since and not account_cleared and id < :attempt
                     order by failed_at desc offset :accountLimit - 1 limit 1),
                    (select failed_at from sign_in_failure where address = :address and failed_at > :since and id < :attempt
                     order by failed_at desc offset :addressLimit - 1 limit 1))""")
                .param("username", abbreviate(username))
                .param("address", address)
                .param("since", since)
                .param("attempt", attempt)
                .param("accountLimit", ACCOUNT_LIMIT)
                .param("addressLimit", ADDRESS_LIMIT)
                .query(Timestamp.class)
                .optional()
                .map(freed -> Duration.between(now, freed.toInstant().plus(WINDOW)))
                .filter(wait -> !wait.isNegative() && !wait.isZero());
    }

    /** A refused attempt never reached the password, so it does not count: a locked account is not kept locked. */
    void forget(long attempt) {
        jdbc.sql("delete from sign_in_failure where id = ?").param(attempt).update();
    }

    /** A right password clears the account's failures; the address keeps its count, or one good account would hide a spray. */
    void succeeded(long attempt, String username) {
        forget(attempt);
        jdbc.sql(
                        "update sign_in_failure set account_cleared = true where lower(username) = lower(?) and not account_cleared")
                .param(abbreviate(username))
                .update();
    }

    private static String abbreviate(String username) {
        String clean = username.replace("\0", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
