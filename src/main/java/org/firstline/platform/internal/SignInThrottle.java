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
 * Slows password guessing on every node and across restarts: failed sign-ins are kept in the database, and an
 * account with {@value #ACCOUNT_LIMIT} failures, or an address with {@value #ADDRESS_LIMIT} (password spraying tries
 * many accounts from one place), is refused until the oldest of those failures is {@link #WINDOW} old.
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

    /** How long until this account may try again from this address, if it must wait. */
    Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        var since = Timestamp.from(now.minus(WINDOW));
        Optional<Instant> accountFreed = freedAt("""
                select failed_at from sign_in_failure where lower(username) = lower(?) and failed_at > ? and not account_cleared
                order by failed_at desc offset ? limit 1""", abbreviate(username), since, ACCOUNT_LIMIT - 1);
        Optional<Instant> addressFreed = freedAt("""
                select failed_at from sign_in_failure where address = ? and failed_at > ?
                order by failed_at desc offset ? limit 1""", address, since, ADDRESS_LIMIT - 1);
        return Stream.of(accountFreed, addressFreed).flatMap(Optional::stream).max(Comparator.naturalOrder())
                .map(freed -> Duration.between(now, freed))
                .filter(wait -> !wait.isNegative() && !wait.isZero());
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("insert into sign_in_failure (username, address, failed_at) values (?, ?, ?)")
                .params(abbreviate(username), address, Timestamp.from(now)).update();
        jdbc.sql("delete from sign_in_failure where failed_at < ?").param(Timestamp.from(now.minus(WINDOW.multipliedBy(2)))).update();
    }

    /** A right password clears the account's failures; the address keeps its count, or one good account would hide a spray. */
    void succeeded(String username) {
        jdbc.sql("update sign_in_failure set account_cleared = true where lower(username) = lower(?) and not account_cleared")
                .param(abbreviate(username)).update();
    }

    /** The failure that, once {@link #WINDOW} old, lets the next attempt through. */
    private Optional<Instant> freedAt(String sql, String key, Timestamp since, int offset) {
        return jdbc.sql(sql).params(key, since, offset).query(Timestamp.class).optional().map(t -> t.toInstant().plus(WINDOW));
    }

    private static String abbreviate(String username) {
        String clean = username.replace("\0", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
