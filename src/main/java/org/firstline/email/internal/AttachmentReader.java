package org.firstline.email.internal;

import jakarta.mail.Part;
import jakarta.mail.internet.MimePart;
import org.jspecify.annotations.Nullable;

/**
 * The files that come with a message: attachments, inline images (with their Content-ID, which the HTML refers to
 * as {@code cid:}), and forwarded messages as {@code .eml}. Names are decoded and made safe to store; a part without
 * one is named after its type.
 */
final class AttachmentReader {
    private static final int MAX_NAME = 200;

    private AttachmentReader() {}

    /** Whether the part is meant as a file rather than as text to read: it says so, or it has a name. */
    static boolean isAttachment(Part part, @Nullable String filename) {
        return Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || filename != null;
    }

    /** The {@code n}th file of the message, from a part that is neither text to read nor a container. */
    static ParsedMail.Attachment read(Part part, String contentType, @Nullable String filename, int n)
            throws Exception {
        byte[] bytes = PartContent.bytes(part);
        String contentId = part instanceof MimePart mime ? MessageIds.first(mime.getContentID()) : null;
        String name = filename != null ? filename : fallbackName(contentType, n);
        return new ParsedMail.Attachment(name, contentType, bytes, contentId);
    }

    /** A forwarded message, named by its file name or else by its subject. */
    static ParsedMail.Attachment forwarded(byte[] message, @Nullable String filename, String subject) {
        String name = filename != null ? filename : safeFileName(subject) + ".eml";
        return new ParsedMail.Attachment(name, "message/rfc822", message, null);
    }

    /** The decoded, safe file name of a part; null when it has none, "attachment" when it has one that cannot be read. */
    static @Nullable String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : safeFileName(HeaderReader.decode(name));
        } catch (Exception e) {
            return "attachment";
        }
    }

    /** No path separators or control characters, not "." or "..", at most 200 characters. */
    static String safeFileName(@Nullable String name) {
        String cleaned =
                name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "message";
        }
        return cleaned.length() > MAX_NAME ? cleaned.substring(0, MAX_NAME) : cleaned;
    }

    static String fallbackName(String contentType, int n) {
        String subtype = contentType.substring(contentType.indexOf('/') + 1).replaceAll("[^a-z0-9.+-]", "");
        String extension = switch (subtype) {
            case "jpeg", "pjpeg" -> "jpg";
            case "octet-stream", "" -> "bin";
            case "plain" -> "txt";
            default -> subtype.length() > 10 ? "bin" : subtype;
        };
        return "attachment-" + n + "." + extension;
    }

    private static @Nullable String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (Exception e) {
            return null;
        }
    }
}
