package org.firstline.email.internal;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * Reads a raw RFC 5322 message into what a ticket needs. Lenient where real mailers are sloppy (charsets, encoded
 * words, addresses), strict where reading on would file garbage: a multipart without its end boundary, a part that is
 * not valid base64, no sender, MIME nested deeper than {@value #MAX_DEPTH}, a header line over 64 KiB.
 */
public final class MailParser {
    static final int MAX_DEPTH = 20;
    private static final int MAX_HEADER_LINE = 64 * 1024;
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,900})>");
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$|^[^@\\s<>\"]+@[^@\\s<>\".]+$");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:@]+@[^\\s<>\"(),;:@]+\\.[a-zA-Z]{2,}");
    private static final Session SESSION = Session.getInstance(lenientProperties());

    private MailParser() {}

    private static Properties lenientProperties() {
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

    public static ParsedMail parse(byte[] raw) throws MalformedMailException {
        try {
            return read(raw);
        } catch (MalformedMailException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new MalformedMailException("structure too deep to read");
        } catch (Exception e) {
            throw new MalformedMailException(describe(e), e);
        }
    }

    /**
     * The key that recognises a message when it is read again, from its header alone so that it works for unreadable
     * mail too: the Message-ID together with a digest of From, Date and Subject (broken mailers reuse Message-IDs for
     * different messages; a re-read or a copy in a second mailbox keeps all four), else a digest of the whole message.
     */
    public static String dedupKey(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw), true);
            String[] ids = headers.getHeader("Message-ID");
            String id = ids == null || ids.length == 0 ? null : firstId(ids[0]);
            if (id != null) {
                String identity = headers.getHeader("From", ",") + "\n" + headers.getHeader("Date", ",") + "\n"
                        + headers.getHeader("Subject", ",");
                return "mid:" + id + "#" + sha256(identity.replaceAll("\\s+", " ").strip().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
            }
        } catch (Exception | StackOverflowError e) {
            // no readable header: the content decides
        }
        return "sha256:" + sha256(raw);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What ties a message to others, read from its header alone: its sender, its own Message-ID and those it
     * answers. Intake files messages that share one in arrival order and the others in parallel.
     */
    public static List<String> threadKeysOf(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw), true);
            List<String> keys = new ArrayList<>();
            // one sender's messages go in order too: the per-sender limit counts them one after the other
            String from = headers.getHeader("From", ",");
            InternetAddress sender = from == null ? null : firstAddress(from);
            if (sender != null) {
                keys.add("from:" + sender.getAddress().toLowerCase(Locale.ROOT));
            }
            for (String name : List.of("Message-ID", "In-Reply-To", "References")) {
                String value = headers.getHeader(name, " ");
                if (value != null) {
                    keys.addAll(ids(value));
                }
            }
            return keys;
        } catch (Exception | StackOverflowError e) {
            return List.of();
        }
    }

    /** Sender and subject as far as the header can be read, for the quarantine list of a message that cannot be. */
    public static String[] senderAndSubject(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw), true);
            String from = headers.getHeader("From", ",");
            InternetAddress address = from == null ? null : firstAddress(from);
            String subject = headers.getHeader("Subject", ",");
            return new String[] {address == null ? null : address.getAddress().toLowerCase(Locale.ROOT),
                    subject == null ? null : decode(subject).replaceAll("\\p{Cntrl}", " ").strip()};
        } catch (Exception | StackOverflowError e) {
            return new String[] {null, null};
        }
    }

    private static ParsedMail read(byte[] raw) throws Exception {
        if (raw.length == 0 || new String(raw, 0, Math.min(raw.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            throw new MalformedMailException("empty message");
        }
        checkHeaderLines(raw);
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        InternetAddress from = sender(message);
        Reading reading = new Reading();
        walk(message, 0, reading);
        String text = !reading.text.isEmpty() ? String.join("\n\n", reading.text)
                : !reading.html.isEmpty() ? HtmlText.text(String.join("\n", reading.html)) : "";
        if (!reading.forwarded.isEmpty()) {
            text = (text.isBlank() ? "" : text + "\n\n") + String.join("\n\n", reading.forwarded);
        }
        String html = reading.html.isEmpty() ? null : HtmlText.sanitize(String.join("\n", reading.html));
        String subject = subject(message);
        List<String> threadIds = new ArrayList<>();
        threadIds.addAll(ids(header(message, "In-Reply-To")));
        List<String> references = ids(header(message, "References"));
        // the newest references come last; they are the likeliest to be ours
        for (int i = references.size() - 1; i >= 0; i--) {
            threadIds.add(references.get(i));
        }
        ParsedMail.Bounce bounce = reading.bounceStatus == null && !looksLikeBounce(message, from) ? null
                : new ParsedMail.Bounce(reading.originalMessageId != null ? reading.originalMessageId : firstQuotedMessageId(text),
                        reading.finalRecipient, reading.bounceStatus, reading.diagnostic);
        return new ParsedMail(messageId(message), List.copyOf(new LinkedHashSet<>(threadIds)),
                from.getAddress().toLowerCase(Locale.ROOT), blankToNull(from.getPersonal()), cc(message), subject,
                text, html, List.copyOf(reading.attachments), automatic(message) || bounce != null, bounce);
    }

    /** Fields gathered while walking the MIME tree. */
    private static final class Reading {
        final List<String> text = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<String> forwarded = new ArrayList<>();
        final List<ParsedMail.Attachment> attachments = new ArrayList<>();
        @Nullable String bounceStatus;
        @Nullable String finalRecipient;
        @Nullable String diagnostic;
        @Nullable String originalMessageId;
    }

    private static void walk(Part part, int depth, Reading reading) throws Exception {
        if (depth > MAX_DEPTH) {
            throw new MalformedMailException("MIME parts nested deeper than " + MAX_DEPTH + " levels");
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        String filename = filename(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || filename != null;
        if (base.startsWith("multipart/")) {
            if (type.getParameter("boundary") == null || type.getParameter("boundary").isBlank()) {
                throw new MalformedMailException(base + " without a boundary");
            }
            Multipart multipart = multipart(part, type);
            int count;
            try {
                count = multipart.getCount();
            } catch (MessagingException e) {
                throw new MalformedMailException(base + " that cannot be split into parts: " + describe(e)
                        + " (truncated, or a boundary that does not match)", e);
            }
            if (count == 0) {
                throw new MalformedMailException(base + " with no parts: its boundary never appears");
            }
            if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
                throw new MalformedMailException(base + " is truncated: its closing boundary never comes");
            }
            for (int i = 0; i < count; i++) {
                walk(multipart.getBodyPart(i), depth + 1, reading);
            }
        } else if (base.equals("message/rfc822")) {
            byte[] bytes = bytes(part);
            MimeMessage inner = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
            Reading nested = new Reading();
            try {
                walk(inner, depth + 1, nested);
            } catch (Exception e) {
                if (e.getMessage() != null && e.getMessage().startsWith("MIME parts nested")) {
                    throw e;
                }
                // an unreadable forwarded message does not make the message around it unreadable: it stays attached
                nested.text.add("(The forwarded message could not be read: " + describe(e) + ". It is attached.)");
            }
            String innerText = !nested.text.isEmpty() ? String.join("\n\n", nested.text)
                    : !nested.html.isEmpty() ? HtmlText.text(String.join("\n", nested.html)) : "";
            if (reading.originalMessageId == null) {
                reading.originalMessageId = messageId(inner);
            }
            if (!attachment) {
                reading.forwarded.add("---------- Forwarded message ----------\n"
                        + line("From", header(inner, "From")) + line("Date", header(inner, "Date"))
                        + line("Subject", subject(inner)) + line("To", header(inner, "To")) + "\n" + innerText);
            }
            reading.attachments.addAll(nested.attachments);
            String name = filename != null ? filename : safeFileName(subject(inner)) + ".eml";
            reading.attachments.add(new ParsedMail.Attachment(name, "message/rfc822", bytes, null));
        } else if (base.equals("message/delivery-status")) {
            readDeliveryStatus(text(part, type), reading);
        } else if (base.equals("text/rfc822-headers")) {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes(part)), true);
            String[] ids = headers.getHeader("Message-ID");
            if (ids != null && reading.originalMessageId == null) {
                reading.originalMessageId = firstId(ids[0]);
            }
        } else if (base.startsWith("text/") && !attachment && (base.equals("text/plain") || base.equals("text/html")
                || base.equals("text/enriched") || base.equals("text/richtext"))) {
            String value = text(part, type);
            if (base.equals("text/html")) {
                reading.html.add(value);
            } else {
                reading.text.add(value.replace("\r\n", "\n").strip());
            }
        } else {
            byte[] bytes = bytes(part);
            String contentId = part instanceof MimePart mime ? firstId(mime.getContentID()) : null;
            String name = filename != null ? filename : fallbackName(base, reading.attachments.size() + 1);
            reading.attachments.add(new ParsedMail.Attachment(name, base, bytes, contentId));
        }
    }

    /** Splits a multipart by the boundary as read here, which also copes with boundaries other readers refuse. */
    private static Multipart multipart(Part part, ContentType type) throws Exception {
        byte[] body;
        try (InputStream in = rawStream(part)) {
            body = in.readAllBytes();
        }
        return new MimeMultipart(new ByteArrayDataSource(body, type.toString()));
    }

    private static String line(String name, @Nullable String value) {
        return value == null ? "" : name + ": " + decode(value) + "\n";
    }

    private static void readDeliveryStatus(String status, Reading reading) {
        for (String raw : status.replace("\r\n", "\n").replaceAll("\n[ \t]+", " ").split("\n")) {
            int colon = raw.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = raw.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = raw.substring(colon + 1).strip();
            switch (name) {
                case "status" -> reading.bounceStatus = reading.bounceStatus == null ? value : reading.bounceStatus;
                case "final-recipient", "original-recipient" -> {
                    if (reading.finalRecipient == null) {
                        reading.finalRecipient = value.contains(";") ? value.substring(value.indexOf(';') + 1).strip() : value;
                    }
                }
                case "diagnostic-code" -> reading.diagnostic = reading.diagnostic == null ? value : reading.diagnostic;
                default -> { }
            }
        }
        if (reading.bounceStatus == null) {
            reading.bounceStatus = "unknown";
        }
    }

    /** The transfer-decoded bytes of a part; base64 that is not base64 is refused rather than decoded to noise. */
    private static byte[] bytes(Part part) throws Exception {
        if (part instanceof MimePart mime && "base64".equalsIgnoreCase(strip(mime.getEncoding()))) {
            try (InputStream encoded = rawStream(part)) {
                checkBase64(encoded.readAllBytes());
            }
        }
        if (part instanceof MimePart mime && !knownEncoding(mime.getEncoding())) {
            // an encoding nobody defined ("7-bit", "plain", "8bits"): read the bytes as they are, as mail clients do
            String encoding = strip(mime.getEncoding()).toLowerCase(Locale.ROOT);
            try (InputStream raw = rawStream(part)) {
                return encoding.startsWith("quoted")
                        ? MimeUtility.decode(new ByteArrayInputStream(raw.readAllBytes()), "quoted-printable").readAllBytes()
                        : raw.readAllBytes();
            }
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedMailException("a part cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static InputStream rawStream(Part part) throws MessagingException {
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

    private static void checkBase64(byte[] encoded) throws MalformedMailException {
        int significant = 0;
        int padding = 0;
        for (byte b : encoded) {
            char c = (char) (b & 0xff);
            if (c == '=') {
                padding++;
                significant++;
            } else if (Character.isWhitespace(c)) {
                // line breaks inside base64 are allowed
            } else if (padding > 0 || !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) {
                throw new MalformedMailException("a base64 part holds characters that are not base64 ('" + printable(c) + "')");
            } else {
                significant++;
            }
        }
        if (padding > 2 || significant % 4 != 0) {
            throw new MalformedMailException("a base64 part is truncated (" + significant + " characters, not a multiple of 4)");
        }
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }

    /** Text in its declared charset; an unknown or missing one is guessed (UTF-8 when valid, else Windows-1252). */
    private static String text(Part part, ContentType type) throws Exception {
        byte[] bytes = bytes(part);
        return decodeText(bytes, type.getParameter("charset"));
    }

    static String decodeText(byte[] bytes, String charset) {
        String name = charset == null ? null : charset.strip().replace("\"", "");
        if (name != null && Utf7.isUtf7(name)) {
            return Utf7.decode(bytes);
        }
        if (name != null && !name.isEmpty() && !name.equalsIgnoreCase("us-ascii") && !name.equalsIgnoreCase("ascii")) {
            try {
                Charset declared = Charset.forName(MimeUtility.javaCharset(name));
                return declared.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                // unknown charset name: guess below
            }
        }
        return guess(bytes);
    }

    private static String guess(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static InternetAddress sender(MimeMessage message) throws MalformedMailException {
        for (String name : List.of("From", "Sender", "Reply-To")) {
            String value = header(message, name);
            if (value == null) {
                continue;
            }
            InternetAddress address = firstAddress(value);
            if (address != null) {
                return address;
            }
        }
        throw new MalformedMailException("no sender: the message has no readable From address");
    }

    private static @Nullable InternetAddress firstAddress(String value) {
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                String email = address.getAddress();
                if (email != null && ADDRESS.matcher(email.strip()).matches() && email.length() <= 320) {
                    return new InternetAddress(email.strip(), decode(address.getPersonal()), "UTF-8");
                }
            }
        } catch (Exception e) {
            // unreadable address list: look for anything shaped like an address below
        }
        String withoutComments = value;
        for (int i = 0; i < 5; i++) {
            withoutComments = withoutComments.replaceAll("\\([^()]*\\)", "");
        }
        Matcher bare = BARE_ADDRESS.matcher(withoutComments);
        if (bare.find()) {
            try {
                return new InternetAddress(bare.group(), null, "UTF-8");
            } catch (Exception e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> cc(MimeMessage message) {
        List<String> addresses = new ArrayList<>();
        for (String name : List.of("Cc")) {
            String value = header(message, name);
            if (value == null) {
                continue;
            }
            try {
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    if (address.getAddress() != null && ADDRESS.matcher(address.getAddress()).matches()) {
                        addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                    }
                }
            } catch (Exception e) {
                // an unreadable cc list is not worth refusing the message for
            }
        }
        return addresses.stream().distinct().limit(50).toList();
    }

    private static String subject(MimeMessage message) {
        String raw = header(message, "Subject");
        if (raw == null) {
            return "";
        }
        return decode(raw).replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "").strip();
    }

    @Contract("!null -> !null")
    private static @Nullable String decode(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\\r?\\n[ \\t]", " ");
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (Exception e) {
            return unfolded;
        }
    }

    private static @Nullable String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static @Nullable String messageId(MimeMessage message) {
        return firstId(header(message, "Message-ID"));
    }

    static @Nullable String firstId(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ANGLE_ID.matcher(value);
        if (m.find()) {
            return m.group(1);
        }
        String bare = value.strip();
        return bare.isEmpty() || bare.length() > 900 || bare.contains(" ") ? null : bare;
    }

    private static List<String> ids(@Nullable String value) {
        List<String> ids = new ArrayList<>();
        if (value != null) {
            Matcher m = ANGLE_ID.matcher(value);
            while (m.find() && ids.size() < 100) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static final Pattern QUOTED_MESSAGE_ID = Pattern.compile("(?im)^\\s*Message-ID:\\s*<([^<>\\s]{1,900})>");

    private static @Nullable String firstQuotedMessageId(String text) {
        Matcher m = QUOTED_MESSAGE_ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Auto-replies, lists and bulk mail (RFC 3834 and the headers mailers use in practice). */
    private static boolean automatic(MimeMessage message) {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("\\s*(bulk|junk|list|auto_reply)\\s*")) {
            return true;
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress", "List-Id", "List-Unsubscribe",
                "X-Autogenerated", "X-AutoReply-From", "X-Mail-Autoreply")) {
            if (header(message, name) != null) {
                return true;
            }
        }
        String returnPath = header(message, "Return-Path");
        return returnPath != null && returnPath.strip().equals("<>");
    }

    private static boolean looksLikeBounce(MimeMessage message, InternetAddress from) {
        String local = from.getAddress().toLowerCase(Locale.ROOT);
        String subject = subject(message).toLowerCase(Locale.ROOT);
        return (local.startsWith("mailer-daemon@") || local.startsWith("postmaster@"))
                && (subject.contains("undeliver") || subject.contains("delivery") || subject.contains("failure")
                        || subject.contains("returned"));
    }

    private static ContentType contentType(Part part) throws MessagingException {
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
            // an unreadable content type on a leaf part: read it as text, as mail clients do
            return new ContentType("text", "plain", null);
        }
    }

    private static @Nullable String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (Exception e) {
            return null;
        }
    }

    private static @Nullable String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : safeFileName(decode(name));
        } catch (Exception e) {
            return "attachment";
        }
    }

    static String safeFileName(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return "message";
        }
        return cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    }

    private static String fallbackName(String contentType, int n) {
        String subtype = contentType.substring(contentType.indexOf('/') + 1).replaceAll("[^a-z0-9.+-]", "");
        String extension = switch (subtype) {
            case "jpeg", "pjpeg" -> "jpg";
            case "octet-stream", "" -> "bin";
            case "plain" -> "txt";
            default -> subtype.length() > 10 ? "bin" : subtype;
        };
        return "attachment-" + n + "." + extension;
    }

    private static void checkHeaderLines(byte[] raw) throws MalformedMailException {
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
                if (++lineLength > MAX_HEADER_LINE) {
                    throw new MalformedMailException("a header line is longer than " + MAX_HEADER_LINE / 1024 + " KiB");
                }
            }
            previous = b;
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return (message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    @Contract("!null -> !null")
    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
