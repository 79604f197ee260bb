package org.firstline.platform;

/**
 * No mailbox can send the mail a change needs (a confirmation link, say). Thrown in the change's transaction so the
 * change is not kept half-done: the person is told at once instead of waiting for a mail that never comes.
 */
public class MailUnavailableException extends RuntimeException {
    public MailUnavailableException(String what) {
        super("No mailbox can send " + what + " yet");
    }
}
