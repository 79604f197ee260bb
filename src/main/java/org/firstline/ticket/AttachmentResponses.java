package org.firstline.ticket;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves attachments so that none can run in the browser: raster images inline, everything else as a download,
 * with nosniff and a sandboxing content security policy.
 */
public final class AttachmentResponses {
    private AttachmentResponses() {}

    public static ResponseEntity<byte[]> of(AttachmentService.Content content) {
        var attachment = content.attachment();
        boolean inline = ContentTypeSniffer.safeInline(attachment.contentType());
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.filename(), java.nio.charset.StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(
                        inline
                                ? MediaType.parseMediaType(attachment.contentType())
                                : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(content.bytes());
    }
}
