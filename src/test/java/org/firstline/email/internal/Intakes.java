package org.firstline.email.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.firstline.email.MailboxForm;
import org.firstline.email.MailboxView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageView;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;

/** Messages, tickets and mailboxes as the intake filters see them, for tests without a database. */
final class Intakes {
    static final String OWN_ADDRESS = "help@firstline.test";
    static final AgentPrincipal SYSTEM =
            new AgentPrincipal(1, "system:email", "Firstline", AgentRole.ADMIN, "UTC", "!", false);

    private Intakes() {}

    static ParsedMail mail(String from) {
        return mail(from, ParsedMail.SenderHeader.FROM, false);
    }

    static ParsedMail mail(String from, ParsedMail.SenderHeader senderHeader, boolean automatic) {
        return new ParsedMail(
                "m-1@customer.test",
                List.of(),
                from,
                null,
                senderHeader,
                List.of(),
                "Printer on fire",
                "It is on fire.",
                null,
                List.of(),
                automatic,
                null);
    }

    static ParsedMail withBounce(ParsedMail.Bounce bounce) {
        return new ParsedMail(
                "dsn-1@mx.customer.test",
                List.of(),
                "mailer-daemon@mx.customer.test",
                null,
                ParsedMail.SenderHeader.FROM,
                List.of(),
                "Undelivered Mail",
                "Your message could not be delivered.",
                null,
                List.of(),
                true,
                bounce);
    }

    static Intake of(ParsedMail mail) {
        return new Intake(new byte[100], mail, 7, SYSTEM, List.of(OWN_ADDRESS), Optional::empty, Optional::empty);
    }

    static Intake continuing(ParsedMail mail, TicketView ticket) {
        return new Intake(
                new byte[100], mail, 7, SYSTEM, List.of(OWN_ADDRESS), Optional::empty, () -> Optional.of(ticket));
    }

    static Intake at(ParsedMail mail, MailboxView mailbox) {
        return new Intake(
                new byte[100], mail, 7, SYSTEM, List.of(OWN_ADDRESS), () -> Optional.of(mailbox), Optional::empty);
    }

    static TicketView ticket(long id, TicketStatus status) {
        return new TicketView(
                id,
                1000 + id,
                "Printer on fire",
                status,
                null,
                null,
                null,
                null,
                null,
                5,
                null,
                null,
                null,
                null,
                false,
                null,
                List.of(),
                List.of(),
                null,
                null,
                null,
                false,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                false);
    }

    static MessageView message(long id, long ticketId) {
        return new MessageView(id, ticketId, MessageKind.NOTE, null, null, null, "", Instant.EPOCH, List.of());
    }

    static MailboxView mailbox(boolean acknowledge, String smtpHost) {
        return new MailboxView(
                3,
                "Support",
                OWN_ADDRESS,
                "imap.test",
                993,
                MailboxForm.MailSecurity.SSL,
                "support",
                true,
                "INBOX",
                MailboxForm.ProcessedAction.SEEN,
                null,
                60,
                smtpHost,
                smtpHost == null ? null : 587,
                MailboxForm.MailSecurity.STARTTLS,
                "support",
                true,
                acknowledge,
                true,
                null,
                null,
                null,
                Instant.EPOCH);
    }
}
