package org.firstline.email.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message as intake files it. {@code text} is what the requester wrote (the text part, or a rendering of the HTML
 * part); {@code html} the sanitized HTML part when there was one. {@code automatic} marks mail no person sent
 * (auto-replies, lists, bulk, bounces): it is filed but never acknowledged. {@code senderHeader} says where the
 * sender's address was read: From, else the fallbacks in {@link SenderHeader}'s order.
 */
public record ParsedMail(
        @Nullable String messageId,
        List<String> threadIds,
        String fromAddress,
        @Nullable String fromName,
        SenderHeader senderHeader,
        List<String> cc,
        String subject,
        String text,
        @Nullable String html,
        List<Attachment> attachments,
        boolean automatic,
        @Nullable Bounce bounce) {

    /** The headers a sender is read from, in the order they are tried. */
    public enum SenderHeader {
        FROM("From"),
        SENDER("Sender"),
        REPLY_TO("Reply-To"),
        /** The envelope sender, which the last mail server wrote down: only when no other header names anyone. */
        RETURN_PATH("Return-Path");

        final String field;

        SenderHeader(String field) {
            this.field = field;
        }
    }

    /**
     * Whether the sender may be told their message became a ticket: not for mail no person sent, nor for a sender known
     * only from the envelope (often a list's or a mailing service's bounce address, or forged), lest we answer a
     * stranger.
     */
    public boolean acknowledgeable() {
        return !automatic && senderHeader != SenderHeader.RETURN_PATH;
    }

    /** A file that came with the message; {@code contentId} is set for inline images. */
    @SuppressWarnings("ArrayRecordComponent") // file contents are passed along, never compared
    public record Attachment(
            @Nullable String filename,
            String contentType,
            byte[] content,
            @Nullable String contentId) {}

    /** A delivery status notification: which message of ours failed, for whom, and why. */
    public record Bounce(
            @Nullable String originalMessageId,
            @Nullable String recipient,
            @Nullable String status,
            @Nullable String diagnostic) {}
}
