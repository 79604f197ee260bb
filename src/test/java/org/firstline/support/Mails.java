package org.firstline.support;

import java.util.UUID;

/** Raw RFC 5322 messages for intake tests, written out so that every header is visible in the test. */
public final class Mails {
    private Mails() {}

    public static String newId() {
        return UUID.randomUUID() + "@customer.test";
    }

    public static String plain(String from, String to, String subject, String body, String extraHeaders) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + newId() + ">\r\n"
                + "Date: Mon, 23 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
    }

    /** The text of a sent message, whether plain or multipart (text and HTML alternatives). */
    public static String text(jakarta.mail.internet.MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            var multipart = (jakarta.mail.Multipart) content;
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                Object part = multipart.getBodyPart(i).getContent();
                if (part instanceof String text) {
                    out.append(text);
                } else if (part instanceof jakarta.mail.Multipart inner) {
                    for (int j = 0; j < inner.getCount(); j++) {
                        if (inner.getBodyPart(j).getContent() instanceof String text) {
                            out.append(text);
                        }
                    }
                }
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
