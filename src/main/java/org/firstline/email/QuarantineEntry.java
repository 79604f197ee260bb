package org.firstline.email;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A message intake could not file, kept raw with the reason, until an admin retries, converts or deletes it. */
public record QuarantineEntry(
        long id,
        @Nullable Long mailboxId,
        @Nullable String sender,
        @Nullable String subject,
        @Nullable String reason,
        int sizeBytes,
        Instant receivedAt) {}
