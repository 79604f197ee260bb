package org.firstline.email.internal;

import java.util.regex.Pattern;

/** What a ticket shows of a message: its subject without our "[#1234]" token, its text within the size a message may have. */
final class MailText {
    /** The ticket number Firstline puts in the subject of the mail it sends. */
    static final Pattern TICKET_TOKEN = Pattern.compile("\\[#(\\d{1,12})]");

    private static final int MAX_BODY = 200_000;
    private static final int MAX_SUBJECT = 500;

    private MailText() {}

    static String subject(ParsedMail mail) {
        String subject = TICKET_TOKEN
                .matcher(mail.subject())
                .replaceAll("")
                .replaceAll("\\s+", " ")
                .strip();
        if (subject.isEmpty()) {
            subject = "(no subject)";
        }
        return InboundMessages.truncate(subject, MAX_SUBJECT);
    }

    static String body(ParsedMail mail) {
        String text = mail.text() == null ? "" : mail.text().replace("\u0000", "");
        if (text.isBlank()) {
            text = mail.attachments().isEmpty()
                    ? "(The message has no text.)"
                    : "(The message has no text, only attachments.)";
        }
        if (text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY - 200) + "\n\n[The message is longer than " + MAX_BODY
                    + " characters and was cut here; the original message is kept in full.]";
        }
        return text;
    }
}
