package org.firstline.platform;

/** The request is well-formed but the current state forbids it, e.g. a status change the status machine refuses. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
