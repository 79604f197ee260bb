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
}
