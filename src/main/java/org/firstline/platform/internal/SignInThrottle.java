package org.firstline.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins for one username from one address, further
 * attempts are refused until {@link #WINDOW} has passed since the last failure.
 */
@Component
class SignInThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {}

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isBlocked(String key) {
        Failures f = failures.get(key);
        if (f == null) {
            return false;
        }
        if (f.last().plus(WINDOW).isBefore(clock.instant())) {
            failures.remove(key, f);
            return false;
        }
        return f.count() >= MAX_FAILURES;
    }

    void failed(String key) {
        Instant now = clock.instant();
        failures.merge(key, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(e -> e.getValue().last().plus(WINDOW).isBefore(now));
        }
    }

    void succeeded(String key) {
        failures.remove(key);
    }
}
