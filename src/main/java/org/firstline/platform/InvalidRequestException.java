package org.firstline.platform;

/** A value the caller sent is not acceptable; {@code field} names it so forms and API clients can point at it. */
public class InvalidRequestException extends RuntimeException {
    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
