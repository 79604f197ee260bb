package org.firstline.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * A part's content with its transfer encoding undone. Base64 that is not base64 is refused rather than decoded to
 * noise; an encoding nobody defined ("7-bit", "plain", "8bits") is read as the bytes are, as mail clients do.
 */
final class PartContent {
    private PartContent() {}

    static String text(Part part, ContentType type) throws Exception {
        return MailCharsets.decode(bytes(part), type.getParameter("charset"));
    }

    static byte[] bytes(Part part) throws Exception {
        if (part instanceof MimePart mime && "base64".equalsIgnoreCase(strip(mime.getEncoding()))) {
            try (InputStream encoded = raw(part)) {
                checkBase64(encoded.readAllBytes());
            }
        }
        if (part instanceof MimePart mime && !knownEncoding(mime.getEncoding())) {
            String encoding = strip(mime.getEncoding()).toLowerCase(Locale.ROOT);
            try (InputStream raw = raw(part)) {
                return encoding.startsWith("quoted")
                        ? MimeUtility.decode(new ByteArrayInputStream(raw.readAllBytes()), "quoted-printable")
                                .readAllBytes()
                        : raw.readAllBytes();
            }
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedMailException("a part cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** The content as it stands in the message, still transfer-encoded. */
    static InputStream raw(Part part) throws MessagingException {
        return part instanceof MimeBodyPart body ? body.getRawInputStream() : ((MimeMessage) part).getRawInputStream();
    }

    private static boolean knownEncoding(@Nullable String encoding) {
        if (encoding == null) {
            return true;
        }
        return switch (encoding.strip().toLowerCase(Locale.ROOT)) {
            case "7bit", "8bit", "binary", "base64", "quoted-printable" -> true;
            default -> false;
        };
    }

    static void checkBase64(byte[] encoded) throws MalformedMailException {
        int significant = 0;
        int padding = 0;
        for (byte b : encoded) {
            char c = (char) (b & 0xff);
            if (c == '=') {
                padding++;
                significant++;
            } else if (Character.isWhitespace(c)) {
                // line breaks inside base64 are allowed
            } else if (padding > 0
                    || !((c >= 'A' && c <= 'Z')
                            || (c >= 'a' && c <= 'z')
                            || (c >= '0' && c <= '9')
                            || c == '+'
                            || c == '/')) {
                throw new MalformedMailException(
                        "a base64 part holds characters that are not base64 ('" + printable(c) + "')");
            } else {
                significant++;
            }
        }
        if (padding > 2 || significant % 4 != 0) {
            throw new MalformedMailException(
                    "a base64 part is truncated (" + significant + " characters, not a multiple of 4)");
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }

    @Contract("!null -> !null")
    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }
}
