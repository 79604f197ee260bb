package org.firstline.email.internal;

/** A message intake cannot read; its text says why, for the quarantine list. */
public class MalformedMailException extends Exception {
    public MalformedMailException(String reason) {
        super(reason);
    }

    public MalformedMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
