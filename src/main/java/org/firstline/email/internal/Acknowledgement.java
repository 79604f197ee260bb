package org.firstline.email.internal;

import java.util.List;
import java.util.Map;
import org.firstline.directory.ContactView;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * Tells the requester that their message became a ticket, from the mailbox it came in at, when that mailbox
 * acknowledges and can send. Never for mail no person sent (auto-replies would answer each other), nor to a sender
 * known only from the envelope ({@link ParsedMail#acknowledgeable()}).
 */
@Component
class Acknowledgement {
    private final MailTemplates templates;
    private final Outbox outbox;

    Acknowledgement(MailTemplates templates, Outbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    void send(Intake intake, ContactView requester, TicketView ticket) {
        ParsedMail mail = intake.mail();
        var mailbox = intake.mailbox().orElse(null);
        if (mailbox == null || !mailbox.acknowledge() || !mailbox.canSend() || !mail.acknowledgeable()) {
            return;
        }
        var rendered = templates.render(
                MailTemplates.Key.ACKNOWLEDGEMENT,
                Map.of(
                        "requester.name",
                        requester.name(),
                        "ticket.subject",
                        ticket.subject(),
                        "ticket.number",
                        String.valueOf(ticket.number()),
                        "mailbox.name",
                        mailbox.name()));
        outbox.enqueue(
                new OutboundMail(
                        mailbox.id(),
                        ticket.id(),
                        null,
                        OutboundMail.Kind.ACKNOWLEDGEMENT,
                        List.of(mail.fromAddress()),
                        List.of(),
                        "[#" + ticket.number() + "] " + rendered.subject(),
                        rendered.body()),
                mailbox.address());
    }
}
