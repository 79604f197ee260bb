package org.firstline.email.internal;

import java.util.List;

/**
 * A message as intake files it. {@code text} is what the requester wrote (the text part, or a rendering of the HTML
 * part); {@code html} the sanitized HTML part when there was one. {@code automatic} marks mail no person sent
 * (auto-replies, lists, bulk, bounces): it is filed but never acknowledged.
 */
public record ParsedMail(
        String messageId,
        List<String> threadIds,
        String fromAddress,
        String fromName,
        List<String> cc,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        boolean automatic,
        Bounce bounce) {

    /** A file that came with the message; {@code contentId} is set for inline images. */
    public record Attachment(String filename, String contentType, byte[] content, String contentId) {}

    /** A delivery status notification: which message of ours failed, for whom, and why. */
    public record Bounce(String originalMessageId, String recipient, String status, String diagnostic) {}
}
