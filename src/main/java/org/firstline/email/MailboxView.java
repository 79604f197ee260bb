package org.firstline.email;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A mailbox as admins see it: passwords are never shown, only whether one is set. */
public record MailboxView(
        long id,
        String name,
        String address,
        String imapHost,
        int imapPort,
        MailboxForm.MailSecurity imapSecurity,
        String imapUsername,
        boolean imapPasswordSet,
        String folder,
        MailboxForm.ProcessedAction processedAction,
        @Nullable String processedFolder,
        int pollSeconds,
        @Nullable String smtpHost,
        @Nullable Integer smtpPort,
        MailboxForm.@Nullable MailSecurity smtpSecurity,
        @Nullable String smtpUsername,
        boolean smtpPasswordSet,
        boolean acknowledge,
        boolean enabled,
        @Nullable Long uidValidity,
        @Nullable Instant lastPolledAt,
        @Nullable String lastError,
        Instant updatedAt) {

    public boolean canSend() {
        return smtpHost != null && !smtpHost.isBlank() && smtpPort != null;
    }
}
