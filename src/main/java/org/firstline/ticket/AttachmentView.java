package org.firstline.ticket;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

public record AttachmentView(
        long id,
        long ticketId,
        @Nullable Long messageId,
        String filename,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant createdAt) {}
