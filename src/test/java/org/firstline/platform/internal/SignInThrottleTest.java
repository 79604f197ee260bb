package org.firstline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.firstline.support.MutableClock;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void blocksAfterFiveFailuresUntilTheWindowHasPassed() {
        for (int i = 0; i < SignInThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("ann@1.2.3.4");
        }
        assertThat(throttle.isBlocked("ann@1.2.3.4")).isFalse();
        throttle.failed("ann@1.2.3.4");
        assertThat(throttle.isBlocked("ann@1.2.3.4")).isTrue();
        assertThat(throttle.isBlocked("bob@1.2.3.4")).isFalse();
        clock.advance(SignInThrottle.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(throttle.isBlocked("ann@1.2.3.4")).isFalse();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann@x");
        }
        throttle.succeeded("ann@x");
        throttle.failed("ann@x");
        assertThat(throttle.isBlocked("ann@x")).isFalse();
    }
}
