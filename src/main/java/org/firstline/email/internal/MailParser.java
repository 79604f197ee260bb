package org.firstline.email.internal;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw RFC 5322 message into what a ticket needs: the {@link HeaderReader} for sender, subject and threading,
 * the {@link BodyReader} for text, HTML and files. Lenient where real mailers are sloppy, strict where reading on would
 * file garbage: a multipart without its end boundary, a part that is not valid base64, no sender, MIME nested deeper
 * than {@value BodyReader#MAX_DEPTH}, a header line over 64 KiB.
 */
public final class MailParser {
    private MailParser() {}

    public static ParsedMail parse(byte[] raw) throws MalformedMailException {
        try {
            return read(raw);
        } catch (MalformedMailException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new MalformedMailException("structure too deep to read");
        } catch (Exception e) {
            throw new MalformedMailException(MalformedMailException.describe(e), e);
        }
    }

    /** The key that recognises a message when it is read again, from its header alone: see {@link RawHeader#dedupKey}. */
    public static String dedupKey(byte[] raw) {
        return RawHeader.dedupKey(raw);
    }

    /** What ties a message to others, read from its header alone: see {@link RawHeader#threadKeys}. */
    public static List<String> threadKeysOf(byte[] raw) {
        return RawHeader.threadKeys(raw);
    }

    /** Sender and subject as far as the header can be read, for the quarantine list of a message that cannot be. */
    public static String[] senderAndSubject(byte[] raw) {
        return RawHeader.senderAndSubject(raw);
    }

    private static ParsedMail read(byte[] raw) throws Exception {
        if (raw.length == 0 || new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            throw new MalformedMailException("empty message");
        }
        RawHeader.checkLineLengths(raw);
        MimeMessage message = LenientMime.message(raw);
        HeaderReader headers = new HeaderReader(message);
        HeaderReader.Sender sender = headers.sender();
        InternetAddress from = sender.address();
        BodyReader body = BodyReader.read(message);
        ParsedMail.Bounce bounce = body.bounce(headers.looksLikeBounce(from));
        return new ParsedMail(
                headers.messageId(),
                headers.threadIds(),
                from.getAddress().toLowerCase(Locale.ROOT),
                blankToNull(from.getPersonal()),
                sender.header(),
                headers.cc(),
                headers.subject(),
                body.text(),
                body.html(),
                body.attachments(),
                headers.automatic() || bounce != null,
                bounce);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
