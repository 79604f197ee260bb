package org.firstline.email;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thirty-odd messages that must not become tickets: truncated MIME, boundaries that do not match, base64 that is not
 * base64, no sender, 1 MB header lines and multiparts nested far too deep. Each carries its own Message-ID.
 */
final class MalformedMail {
    private MalformedMail() {}

    static Map<String, byte[]> all() {
        Map<String, byte[]> mails = new LinkedHashMap<>();
        String good = multipart("good", "text/plain", "All fine here.", "report.pdf", "JVBERi0xLjQKJcOkw7zDtsOfCg==");
        byte[] goodBytes = good.getBytes(StandardCharsets.US_ASCII);
        // truncated: cut before the end boundary, at several depths
        int end = good.lastIndexOf("--outer--");
        for (int i = 0; i < 6; i++) {
            int cut = end - 1 - i * (end / 8);
            mails.put("truncated-" + i, withId(Arrays.copyOf(goodBytes, cut), "truncated-" + i));
        }
        mails.put(
                "truncated-nested",
                id(
                        "truncated-nested",
                        head("multipart/mixed; boundary=\"o\"")
                                + "--o\r\nContent-Type: multipart/alternative; boundary=\"i\"\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\nhalf a mess"));
        // boundaries that do not match
        mails.put(
                "boundary-mismatch",
                id(
                        "boundary-mismatch",
                        head("multipart/mixed; boundary=\"abc\"")
                                + "--xyz\r\nContent-Type: text/plain\r\n\r\nhello\r\n--xyz--\r\n"));
        mails.put(
                "boundary-missing-parameter",
                id(
                        "boundary-missing-parameter",
                        head("multipart/mixed") + "--abc\r\nContent-Type: text/plain\r\n\r\nhello\r\n--abc--\r\n"));
        mails.put(
                "boundary-empty",
                id(
                        "boundary-empty",
                        head("multipart/mixed; boundary=\"\"")
                                + "--\r\nContent-Type: text/plain\r\n\r\nhello\r\n----\r\n"));
        mails.put(
                "boundary-case",
                id(
                        "boundary-case",
                        head("multipart/mixed; boundary=\"Frontier\"")
                                + "--frontier\r\nContent-Type: text/plain\r\n\r\nhello\r\n--frontier--\r\n"));
        mails.put(
                "boundary-never-used",
                id(
                        "boundary-never-used",
                        head("multipart/alternative; boundary=\"zz\"") + "just some text, no parts at all\r\n"));
        mails.put(
                "boundary-only-inner-wrong",
                id(
                        "boundary-only-inner-wrong",
                        head("multipart/mixed; boundary=\"o\"")
                                + "--o\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n--other\r\nContent-Type: text/plain\r\n\r\nx\r\n--other--\r\n--o--\r\n"));
        // base64 that is not base64
        String[] badBase64 = {
            "!!!!not base64!!!!",
            "QUJD@#$%QUJD",
            "QUJDRA",
            "QUJD=QUJD",
            "QUJDRE\u00e9\u00e9\u00e9\u00e9",
            "QQ===",
            "QUJD RE="
        };
        for (int i = 0; i < badBase64.length; i++) {
            mails.put(
                    "base64-" + i,
                    id(
                            "base64-" + i,
                            head("multipart/mixed; boundary=\"b\"")
                                    + "--b\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                                    + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"x.bin\"\r\n\r\n"
                                    + badBase64[i]
                                    + "\r\n--b--\r\n",
                            StandardCharsets.ISO_8859_1));
        }
        mails.put(
                "base64-body",
                id(
                        "base64-body",
                        "From: a@customer.test\r\nSubject: bad body\r\nContent-Type: text/plain\r\n"
                                + "Content-Transfer-Encoding: base64\r\n\r\n%%%%\r\n"));
        // no sender
        mails.put("no-from", id("no-from", "To: help@firstline.test\r\nSubject: who am I\r\n\r\nno sender\r\n"));
        mails.put(
                "from-without-address",
                id("from-without-address", "From: Nobody Special\r\nSubject: hi\r\n\r\nbody\r\n"));
        mails.put("from-empty", id("from-empty", "From: \r\nSubject: hi\r\n\r\nbody\r\n"));
        mails.put("from-angle-empty", id("from-angle-empty", "From: <>\r\nSubject: hi\r\n\r\nbody\r\n"));
        mails.put("no-headers", id("no-headers", "\r\njust a body, the headers are gone\r\n"));
        // 1 MB header lines
        String mb = "x".repeat(1024 * 1024);
        mails.put("huge-subject", id("huge-subject", "From: a@customer.test\r\nSubject: " + mb + "\r\n\r\nbody\r\n"));
        mails.put(
                "huge-x-header",
                id("huge-x-header", "From: a@customer.test\r\nX-Junk: " + mb + "\r\nSubject: hi\r\n\r\nbody\r\n"));
        mails.put(
                "huge-to",
                id("huge-to", "From: a@customer.test\r\nTo: " + mb + "@x.test\r\nSubject: hi\r\n\r\nbody\r\n"));
        // nested far too deep
        mails.put("nested-50", id("nested-50", nested(50)));
        mails.put("nested-100", id("nested-100", nested(100)));
        mails.put("nested-21", id("nested-21", nested(21)));
        mails.put("nested-messages-50", id("nested-messages-50", nestedMessages(50)));
        return mails;
    }

    private static String head(String contentType) {
        return "From: \"Broken Mailer\" <broken@customer.test>\r\nTo: help@firstline.test\r\nSubject: broken\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
    }

    private static String multipart(String subject, String type, String text, String filename, String base64) {
        return head("multipart/mixed; boundary=\"outer\"").replace("Subject: broken", "Subject: " + subject)
                + "--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
                + "--inner\r\nContent-Type: " + type + "\r\n\r\n" + text + "\r\n"
                + "--inner\r\nContent-Type: text/html\r\n\r\n<p>" + text + "</p>\r\n--inner--\r\n"
                + "--outer\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n\r\n" + base64
                + "\r\n--outer--\r\n";
    }

    private static String nested(int depth) {
        StringBuilder open = new StringBuilder(head("multipart/mixed; boundary=\"b0\""));
        for (int i = 1; i < depth; i++) {
            open.append("--b")
                    .append(i - 1)
                    .append("\r\nContent-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n");
        }
        open.append("--b").append(depth - 1).append("\r\nContent-Type: text/plain\r\n\r\ndeep inside\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            open.append("--b").append(i).append("--\r\n");
        }
        return open.toString();
    }

    private static String nestedMessages(int depth) {
        String inner = "From: x@customer.test\r\nSubject: level " + depth + "\r\n\r\ninnermost\r\n";
        for (int i = depth - 1; i > 0; i--) {
            inner = "From: x@customer.test\r\nSubject: level " + i + "\r\nContent-Type: message/rfc822\r\n\r\n" + inner;
        }
        return "From: \"Broken Mailer\" <broken@customer.test>\r\nTo: help@firstline.test\r\nSubject: forwarded forever\r\n"
                + "Content-Type: message/rfc822\r\n\r\n" + inner;
    }

    private static byte[] id(String name, String message) {
        return id(name, message, StandardCharsets.UTF_8);
    }

    private static byte[] id(String name, String message, java.nio.charset.Charset charset) {
        return withId(message.getBytes(charset), name);
    }

    /** Puts a unique Message-ID in front so that each can be found again. */
    private static byte[] withId(byte[] message, String name) {
        byte[] header = ("Message-ID: <malformed-" + name + "-" + System.nanoTime() + "@test>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        if (message.length > 0 && (message[0] == '\r' || message[0] == '\n')) {
            // a message without headers stays one: the id goes nowhere it could be mistaken for a header block
            return message;
        }
        byte[] out = Arrays.copyOf(header, header.length + message.length);
        System.arraycopy(message, 0, out, header.length, message.length);
        return out;
    }
}
