package org.firstline.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A support mailbox: where intake reads (IMAP) and where replies leave from (SMTP). On update, fields left null stay
 * as they are; passwords are write-only.
 */
public record MailboxForm(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String name,
        @Email(message = "must be an email address") String address,
        @Size(min = 1, max = 255, message = "must be 1 to 255 characters") String imapHost,
        @Min(value = 1, message = "must be a port") @Max(value = 65535, message = "must be a port") Integer imapPort,
        MailSecurity imapSecurity,
        @Size(min = 1, max = 320, message = "must be 1 to 320 characters") String imapUsername,
        @Size(max = 1000, message = "is too long") String imapPassword,
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String folder,
        ProcessedAction processedAction,
        @Size(max = 200, message = "is too long") String processedFolder,
        @Min(value = 1, message = "must be at least 1 second") @Max(value = 3600, message = "must be at most 3600 seconds") Integer pollSeconds,
        @Size(max = 255, message = "is too long") String smtpHost,
        @Min(value = 1, message = "must be a port") @Max(value = 65535, message = "must be a port") Integer smtpPort,
        MailSecurity smtpSecurity,
        @Size(max = 320, message = "is too long") String smtpUsername,
        @Size(max = 1000, message = "is too long") String smtpPassword,
        Boolean acknowledge,
        Boolean enabled) {

    /** How the connection is protected: none (tests, local relays), TLS from the start, or STARTTLS upgrade. */
    public enum MailSecurity { NONE, SSL, STARTTLS }

    /** What marks a message as filed on the server: the \Seen flag, or a move to another folder. */
    public enum ProcessedAction { SEEN, MOVE }
}
