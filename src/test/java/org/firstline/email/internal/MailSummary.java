package org.firstline.email.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What intake reads from a raw message, small enough to keep as a golden file and to review in a diff: the sender,
 * subject and threading headers in full, the text and HTML as their start, length and digest, each attachment as
 * name, type, size and digest; for an unreadable message the reason and what the quarantine list shows.
 */
final class MailSummary {
    static final int START = 300;

    private MailSummary() {}

    static Map<String, Object> of(byte[] raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dedupKey", MailParser.dedupKey(raw));
        out.put("threadKeys", MailParser.threadKeysOf(raw));
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MalformedMailException e) {
            String[] header = MailParser.senderAndSubject(raw);
            out.put("malformed", e.getMessage());
            out.put("quarantineSender", header[0]);
            out.put("quarantineSubject", header[1]);
            return out;
        }
        out.put("from", mail.fromAddress());
        out.put("fromName", mail.fromName());
        out.put("senderHeader", mail.senderHeader().name());
        out.put("subject", mail.subject());
        out.put("messageId", mail.messageId());
        out.put("threadIds", mail.threadIds());
        out.put("cc", mail.cc());
        out.put("automatic", mail.automatic());
        out.put("bounce", mail.bounce() == null ? null : bounce(mail.bounce()));
        out.put("text", text(mail.text()));
        out.put("html", mail.html() == null ? null : text(mail.html()));
        out.put(
                "attachments",
                mail.attachments().stream().map(MailSummary::attachment).toList());
        return out;
    }

    private static Map<String, Object> bounce(ParsedMail.Bounce bounce) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("originalMessageId", bounce.originalMessageId());
        out.put("recipient", bounce.recipient());
        out.put("status", bounce.status());
        out.put("diagnostic", bounce.diagnostic());
        return out;
    }

    private static Map<String, Object> text(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("length", text.length());
        out.put("sha256", digest(text.getBytes(StandardCharsets.UTF_8)));
        out.put("start", text.length() <= START ? text : text.substring(0, START));
        return out;
    }

    private static Map<String, Object> attachment(ParsedMail.Attachment attachment) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("filename", attachment.filename());
        out.put("contentType", attachment.contentType());
        out.put("size", attachment.content().length);
        out.put("sha256", digest(attachment.content()));
        out.put("contentId", attachment.contentId());
        return out;
    }

    /** The first 16 hex digits: enough to notice a changed byte, short enough to read. */
    private static String digest(byte[] bytes) {
        return RawHeader.sha256(bytes).substring(0, 16);
    }
}
