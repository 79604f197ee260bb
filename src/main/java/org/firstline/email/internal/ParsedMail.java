package org.firstline.email.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message as intake files it. {@code text} is what the requester wrote (the text part, or a rendering of the HTML
 * part); {@code html} the sanitized HTML part when there was one. {@code automatic} marks mail no person sent
 * (auto-replies, lists, bulk, bounces): it is filed but never acknowledged.
 */
public record ParsedMail(
        @Nullable String messageId,
        List<String> threadIds,
        String fromAddress,
        @Nullable String fromName,
        List<String> cc,
        String subject,
        String text,
        @Nullable String html,
        List<Attachment> attachments,
        boolean automatic,
        @Nullable Bounce bounce) {

    /** A file that came with the message; {@code contentId} is set for inline images. */
    @SuppressWarnings("ArrayRecordComponent") // file contents are passed along, never compared
    public record Attachment(@Nullable String filename, String contentType, byte[] content, @Nullable String contentId) {}

    /** A delivery status notification: which message of ours failed, for whom, and why. */
    public record Bounce(@Nullable String originalMessageId, @Nullable String recipient, @Nullable String status, @Nullable String diagnostic) {}
}
