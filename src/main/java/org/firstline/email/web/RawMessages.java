package org.firstline.email.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A message as it arrived, as a download that no browser renders. */
final class RawMessages {
    private RawMessages() {}

    static ResponseEntity<byte[]> download(long id, byte[] raw) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"message-" + id + ".eml\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(raw);
    }
}
