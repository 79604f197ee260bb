package org.firstline.email;

import java.time.Instant;

/** A message intake could not file, kept raw with the reason, until an admin retries, converts or deletes it. */
public record QuarantineEntry(long id, Long mailboxId, String sender, String subject, String reason, int sizeBytes, Instant receivedAt) {}
