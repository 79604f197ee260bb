package org.firstline.platform.internal;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins: says how long to wait, for the form's message and the API's Retry-After. */
class SignInThrottledException extends LockedException {
    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins. Try again in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " minutes.");
        this.wait = wait;
    }

    long retryAfterSeconds() {
        return Math.max(1, wait.toSeconds());
    }
}
