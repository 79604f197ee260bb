package org.firstline.platform;

/** A well-formed request that cannot be carried out as it stands, e.g. an idempotency key reused for another body (422). */
public class UnprocessableRequestException extends RuntimeException {
    public UnprocessableRequestException(String message) {
        super(message);
    }
}
