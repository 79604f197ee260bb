package org.firstline.ticket;

import java.time.Instant;

public record AttachmentView(long id, long ticketId, Long messageId, String filename, String contentType, long sizeBytes,
        String sha256, Instant createdAt) {}
