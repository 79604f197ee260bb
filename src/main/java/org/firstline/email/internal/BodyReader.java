package org.firstline.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Walks a message's MIME tree (mixed, alternative, related, report) for what the requester wrote: the text parts, else
 * the HTML rendered as text; the HTML kept sanitized; forwarded messages added to the text. Files go to the
 * {@link AttachmentReader}, delivery-status parts to the {@link DeliveryReport}. A multipart that is truncated or
 * whose boundary never appears, and MIME nested deeper than {@value #MAX_DEPTH}, are refused.
 */
final class BodyReader {
    static final int MAX_DEPTH = 20;
    private static final String NESTED_TOO_DEEP = "MIME parts nested deeper than ";

    private final List<String> text = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
    private final List<String> forwarded = new ArrayList<>();
    private final List<ParsedMail.Attachment> attachments = new ArrayList<>();
    private final DeliveryReport report = new DeliveryReport();
    private @Nullable String originalMessageId;

    private BodyReader() {}

    static BodyReader read(Part message) throws Exception {
        BodyReader reader = new BodyReader();
        reader.walk(message, 0);
        return reader;
    }

    /** The text parts, else the HTML as text; then the forwarded messages. */
    String text() {
        String own = ownText();
        if (forwarded.isEmpty()) {
            return own;
        }
        return (own.isBlank() ? "" : own + "\n\n") + String.join("\n\n", forwarded);
    }

    /** The HTML parts sanitized, null when there are none. */
    @Nullable
    String html() {
        return html.isEmpty() ? null : HtmlText.sanitize(String.join("\n", html));
    }

    List<ParsedMail.Attachment> attachments() {
        return List.copyOf(attachments);
    }

    /**
     * The delivery failure this message reports, when it has a delivery-status part or its header says so: for the
     * message it returns (from a forwarded copy or its headers, else a Message-ID quoted in the text).
     */
    ParsedMail.@Nullable Bounce bounce(boolean headerSaysBounce) {
        if (!report.present() && !headerSaysBounce) {
            return null;
        }
        return report.bounce(originalMessageId != null ? originalMessageId : MessageIds.quotedIn(text()));
    }

    private String ownText() {
        return !text.isEmpty()
                ? String.join("\n\n", text)
                : !html.isEmpty() ? HtmlText.text(String.join("\n", html)) : "";
    }

    private void walk(Part part, int depth) throws Exception {
        if (depth > MAX_DEPTH) {
            throw new MalformedMailException(NESTED_TOO_DEEP + MAX_DEPTH + " levels");
        }
        ContentType type = LenientMime.contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        String filename = AttachmentReader.filename(part);
        boolean attachment = AttachmentReader.isAttachment(part, filename);
        if (base.startsWith("multipart/")) {
            walkParts(part, type, base, depth);
        } else if (base.equals("message/rfc822")) {
            forwarded(part, filename, attachment, depth);
        } else if (base.equals("message/delivery-status")) {
            report.read(PartContent.text(part, type));
        } else if (base.equals("text/rfc822-headers")) {
            String[] ids = new InternetHeaders(new ByteArrayInputStream(PartContent.bytes(part)), true)
                    .getHeader("Message-ID");
            if (ids != null && originalMessageId == null) {
                originalMessageId = MessageIds.first(ids[0]);
            }
        } else if (!attachment
                && (base.equals("text/plain")
                        || base.equals("text/html")
                        || base.equals("text/enriched")
                        || base.equals("text/richtext"))) {
            String value = PartContent.text(part, type);
            if (base.equals("text/html")) {
                html.add(value);
            } else {
                text.add(value.replace("\r\n", "\n").strip());
            }
        } else {
            attachments.add(AttachmentReader.read(part, base, filename, attachments.size() + 1));
        }
    }

    private void walkParts(Part part, ContentType type, String base, int depth) throws Exception {
        if (type.getParameter("boundary") == null
                || type.getParameter("boundary").isBlank()) {
            throw new MalformedMailException(base + " without a boundary");
        }
        Multipart multipart = split(part, type);
        int count;
        try {
            count = multipart.getCount();
        } catch (MessagingException e) {
            throw new MalformedMailException(
                    base + " that cannot be split into parts: " + MalformedMailException.describe(e)
                            + " (truncated, or a boundary that does not match)",
                    e);
        }
        if (count == 0) {
            throw new MalformedMailException(base + " with no parts: its boundary never appears");
        }
        if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
            throw new MalformedMailException(base + " is truncated: its closing boundary never comes");
        }
        for (int i = 0; i < count; i++) {
            walk(multipart.getBodyPart(i), depth + 1);
        }
    }

    /** Splits a multipart by the boundary as read here, which also copes with boundaries other readers refuse. */
    private static Multipart split(Part part, ContentType type) throws Exception {
        byte[] body;
        try (InputStream in = PartContent.raw(part)) {
            body = in.readAllBytes();
        }
        return new MimeMultipart(new ByteArrayDataSource(body, type.toString()));
    }

    private void forwarded(Part part, @Nullable String filename, boolean attachment, int depth) throws Exception {
        byte[] bytes = PartContent.bytes(part);
        MimeMessage inner = LenientMime.message(bytes);
        HeaderReader headers = new HeaderReader(inner);
        BodyReader nested = new BodyReader();
        try {
            nested.walk(inner, depth + 1);
        } catch (Exception e) {
            if (e.getMessage() != null && e.getMessage().startsWith(NESTED_TOO_DEEP)) {
                throw e;
            }
            // an unreadable forwarded message does not make the message around it unreadable: it stays attached
            nested.text.add("(The forwarded message could not be read: " + MalformedMailException.describe(e)
                    + ". It is attached.)");
        }
        if (originalMessageId == null) {
            originalMessageId = headers.messageId();
        }
        if (!attachment) {
            forwarded.add("---------- Forwarded message ----------\n" + line("From", headers.first("From"))
                    + line("Date", headers.first("Date")) + line("Subject", headers.subject())
                    + line("To", headers.first("To"))
                    + "\n" + nested.ownText());
        }
        attachments.addAll(nested.attachments);
        attachments.add(AttachmentReader.forwarded(bytes, filename, headers.subject()));
    }

    private static String line(String name, @Nullable String value) {
        return value == null ? "" : name + ": " + HeaderReader.decode(value) + "\n";
    }
}
