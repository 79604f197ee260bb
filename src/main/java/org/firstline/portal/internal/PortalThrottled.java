package org.firstline.portal.internal;

/** Too many sign-in links or new requests in the last hour; {@code retryAfterSeconds} says when to try again. */
public class PortalThrottled extends RuntimeException {
    private final long retryAfterSeconds;

    public PortalThrottled(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
