package org.firstline.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
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
        jdbc.sql("delete from sign_in_failure where failed_at < ?").param(Timestamp.from(now.minus(WINDOW.multipliedBy(2)))).update();
        return jdbc.sql("insert into sign_in_failure (username, address, failed_at) values (?, ?, ?) returning id")
                .params(abbreviate(username), address, Timestamp.from(now)).query(Long.class).single();
    }

    /** How long this attempt must wait, judged by the attempts before it, if it must. */
    Optional<Duration> waitFor(long attempt, String username, String address) {
        Instant now = clock.instant();
        var since = Timestamp.from(now.minus(WINDOW));
        Optional<Instant> accountFreed = freedAt("""
                select failed_at from sign_in_failure
                where lower(username) = lower(?) and failed_at > ? and not account_cleared and id < ?
                order by failed_at desc offset ? limit 1""", abbreviate(username), since, attempt, ACCOUNT_LIMIT - 1);
        Optional<Instant> addressFreed = freedAt("""
                select failed_at from sign_in_failure where address = ? and failed_at > ? and id < ?
                order by failed_at desc offset ? limit 1""", address, since, attempt, ADDRESS_LIMIT - 1);
        return Stream.of(accountFreed, addressFreed).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(freed -> Duration.between(now, freed))
                .filter(wait -> !wait.isNegative() && !wait.isZero());
    }

    /** A refused attempt never reached the password, so it does not count: a locked account is not kept locked. */
    void forget(long attempt) {
        jdbc.sql("delete from sign_in_failure where id = ?").param(attempt).update();
    }

    /** A right password clears the account's failures; the address keeps its count, or one good account would hide a spray. */
    void succeeded(long attempt, String username) {
        forget(attempt);
        jdbc.sql("update sign_in_failure set account_cleared = true where lower(username) = lower(?) and not account_cleared")
                .param(abbreviate(username)).update();
    }

    /** The failure that, once {@link #WINDOW} old, lets the next attempt through. */
    private Optional<Instant> freedAt(String sql, String key, Timestamp since, long attempt, int offset) {
        return jdbc.sql(sql).params(key, since, attempt, offset).query(Timestamp.class).optional().map(t -> t.toInstant().plus(WINDOW));
    }

    private static String abbreviate(String username) {
        String clean = username.replace("\0", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
