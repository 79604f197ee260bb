package org.firstline.email.internal;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What the header block alone tells, so that it works for mail that cannot be read as a whole: the key that
 * recognises a message read again, the keys that order a conversation, and what the quarantine list shows.
 */
final class RawHeader {
    static final int MAX_LINE = 64 * 1024;

    private RawHeader() {}

    /**
     * The Message-ID together with a digest of From, Date and Subject (broken mailers reuse Message-IDs for different
     * messages; a re-read or a copy in a second mailbox keeps all four), else a digest of the whole message.
     */
    static String dedupKey(byte[] raw) {
        try {
            InternetHeaders headers = headers(raw);
            String[] ids = headers.getHeader("Message-ID");
            String id = ids == null || ids.length == 0 ? null : MessageIds.first(ids[0]);
            if (id != null) {
                String identity = headers.getHeader("From", ",") + "\n" + headers.getHeader("Date", ",") + "\n"
                        + headers.getHeader("Subject", ",");
                return "mid:" + id + "#"
                        + sha256(identity.replaceAll("\\s+", " ").strip().getBytes(StandardCharsets.UTF_8))
                                .substring(0, 16);
            }
        } catch (Exception | StackOverflowError e) {
            // no readable header: the content decides
        }
        return "sha256:" + sha256(raw);
    }

    /**
     * Its sender, its own Message-ID and those it answers. Intake files messages that share one in arrival order and
     * the others in parallel.
     */
    static List<String> threadKeys(byte[] raw) {
        try {
            InternetHeaders headers = headers(raw);
            List<String> keys = new ArrayList<>();
            // one sender's messages go in order too: the per-sender limit counts them one after the other
            String from = headers.getHeader("From", ",");
            InternetAddress sender = from == null ? null : MailAddresses.first(from);
            if (sender != null) {
                keys.add("from:" + sender.getAddress().toLowerCase(Locale.ROOT));
            }
            for (String name : List.of("Message-ID", "In-Reply-To", "References")) {
                String value = headers.getHeader(name, " ");
                if (value != null) {
                    keys.addAll(MessageIds.all(value));
                }
            }
            return keys;
        } catch (Exception | StackOverflowError e) {
            return List.of();
        }
    }

    /** Sender and subject as far as they can be read, for the quarantine list; either may be null. */
    static String[] senderAndSubject(byte[] raw) {
        try {
            InternetHeaders headers = headers(raw);
            String from = headers.getHeader("From", ",");
            InternetAddress address = from == null ? null : MailAddresses.first(from);
            String subject = headers.getHeader("Subject", ",");
            return new String[] {
                address == null ? null : address.getAddress().toLowerCase(Locale.ROOT),
                subject == null
                        ? null
                        : HeaderReader.decode(subject)
                                .replaceAll("\\p{Cntrl}", " ")
                                .strip()
            };
        } catch (Exception | StackOverflowError e) {
            return new String[] {null, null};
        }
    }

    /** Refuses a header line over 64 KiB before the MIME reader spends memory and time on it. */
    static void checkLineLengths(byte[] raw) throws MalformedMailException {
        int lineLength = 0;
        int previous = -1;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\n') {
                if (previous == '\n' || (previous == '\r' && i >= 2 && raw[i - 2] == '\n')) {
                    return;
                }
                lineLength = 0;
            } else if (b != '\r') {
                if (++lineLength > MAX_LINE) {
                    throw new MalformedMailException("a header line is longer than " + MAX_LINE / 1024 + " KiB");
                }
            }
            previous = b;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetHeaders headers(byte[] raw) throws Exception {
        return new InternetHeaders(new ByteArrayInputStream(raw), true);
    }
}
