package org.firstline.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A support mailbox: where intake reads (IMAP) and where replies leave from (SMTP). On update, fields left null stay
 * as they are; passwords are write-only.
 */
public record MailboxForm(
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") @Nullable
        String name,

        @Email(message = "must be an email address") @Nullable
        String address,

        @Size(min = 1, max = 255, message = "must be 1 to 255 characters") @Nullable
        String imapHost,

        @Min(value = 1, message = "must be a port") @Max(value = 65535, message = "must be a port") @Nullable
        Integer imapPort,

        @Nullable MailSecurity imapSecurity,

        @Size(min = 1, max = 320, message = "must be 1 to 320 characters") @Nullable
        String imapUsername,

        @Size(max = 1000, message = "is too long") @Nullable String imapPassword,

        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") @Nullable
        String folder,

        @Nullable ProcessedAction processedAction,
        @Size(max = 200, message = "is too long") @Nullable String processedFolder,

        @Min(value = 1, message = "must be at least 1 second")
        @Max(value = 3600, message = "must be at most 3600 seconds")
        @Nullable
        Integer pollSeconds,

        @Size(max = 255, message = "is too long") @Nullable String smtpHost,

        @Min(value = 1, message = "must be a port") @Max(value = 65535, message = "must be a port") @Nullable
        Integer smtpPort,

        @Nullable MailSecurity smtpSecurity,
        @Size(max = 320, message = "is too long") @Nullable String smtpUsername,
        @Size(max = 1000, message = "is too long") @Nullable String smtpPassword,
        @Nullable Boolean acknowledge,
        @Nullable Boolean enabled) {

    /** How the connection is protected: none (tests, local relays), TLS from the start, or STARTTLS upgrade. */
    public enum MailSecurity {
        NONE,
        SSL,
        STARTTLS
    }

    /** What marks a message as filed on the server: the \Seen flag, or a move to another folder. */
    public enum ProcessedAction {
        SEEN,
        MOVE
    }
}
