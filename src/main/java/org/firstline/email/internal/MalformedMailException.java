package org.firstline.email.internal;

/** A message intake cannot read; its text says why, for the quarantine list. */
public class MalformedMailException extends Exception {
    public MalformedMailException(String reason) {
        super(reason);
    }

    public MalformedMailException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** A failure's message cut to a length an admin reads in a list. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
