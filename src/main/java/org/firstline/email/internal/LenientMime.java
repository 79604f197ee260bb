package org.firstline.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * How intake reads MIME: lenient where real mailers are sloppy (addresses, encoded file names and parameters, raw
 * UTF-8 headers after RFC 6532, unquoted boundaries), strict where reading on would file garbage (a multipart without
 * its end boundary or boundary parameter, base64 that is not base64).
 */
final class LenientMime {
    private static final Session SESSION = Session.getInstance(properties());

    private LenientMime() {}

    static MimeMessage message(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.allowutf8", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "false");
        return properties;
    }

    /** The part's Content-Type, text/plain when it has none or an unreadable one on a leaf part (as mail clients do). */
    static ContentType contentType(Part part) throws MessagingException {
        String value = null;
        try {
            String[] values = part.getHeader("Content-Type");
            value = values == null || values.length == 0 ? null : values[0];
            return new ContentType(value == null ? "text/plain" : value);
        } catch (Exception e) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains("multipart")) {
                // boundaries with characters that need quotes, left unquoted
                String quoted = value.replaceAll("\\s+", " ").replaceAll("(?i)boundary=([^\"; ]+)", "boundary=\"$1\"");
                try {
                    return new ContentType(quoted);
                } catch (Exception again) {
                    throw new MessagingException("unreadable Content-Type of a multipart: " + value.strip());
                }
            }
            return new ContentType("text", "plain", null);
        }
    }
}
