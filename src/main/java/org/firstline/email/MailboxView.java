package org.firstline.email;

import java.time.Instant;

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
        String processedFolder,
        int pollSeconds,
        String smtpHost,
        Integer smtpPort,
        MailboxForm.MailSecurity smtpSecurity,
        String smtpUsername,
        boolean smtpPasswordSet,
        boolean acknowledge,
        boolean enabled,
        Long uidValidity,
        Instant lastPolledAt,
        String lastError,
        Instant updatedAt) {

    public boolean canSend() {
        return smtpHost != null && !smtpHost.isBlank() && smtpPort != null;
    }
}
