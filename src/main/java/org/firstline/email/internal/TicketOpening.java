package org.firstline.email.internal;

import java.util.List;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * A message no filter took becomes a new ticket: the sender its requester (a contact, found or made with their
 * name), its cc's watchers, its files stored, the requester acknowledged. Held when the requester needs approval.
 */
@Component
class TicketOpening {
    private static final int MAX_NAME = 200;

    private final ContactService contacts;
    private final TicketService tickets;
    private final InboundMessages messages;
    private final TicketAttachments attachments;
    private final Acknowledgement acknowledgement;

    TicketOpening(
            ContactService contacts,
            TicketService tickets,
            InboundMessages messages,
            TicketAttachments attachments,
            Acknowledgement acknowledgement) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.acknowledgement = acknowledgement;
    }

    Filed open(Intake intake) {
        ParsedMail mail = intake.mail();
        ContactView requester =
                contacts.findOrCreate(mail.fromAddress(), InboundMessages.truncate(mail.fromName(), MAX_NAME));
        List<String> cc = mail.cc().stream()
                .filter(a -> !intake.ownAddresses().contains(a) && !a.equals(mail.fromAddress()))
                .toList();
        // the organization comes from the requester as for any new ticket; so does holding it for a representative
        OpenTicketForm form = new OpenTicketForm(
                MailText.subject(mail),
                MailText.body(mail),
                new OpenTicketForm.Requester(mail.fromAddress(), null),
                null,
                null,
                null,
                null,
                null,
                Channel.EMAIL,
                null,
                cc,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        TicketView ticket = tickets.open(form, intake.system(), null);
        long messageId = messages.openedTicket(intake.inboundId(), ticket.id());
        attachments.store(ticket.id(), messageId, mail, intake.system());
        acknowledgement.send(intake, requester, ticket);
        if (ticket.status() == TicketStatus.PENDING
                && ticket.pendingReason() == PendingReason.REPRESENTATIVE_APPROVAL) {
            return new Filed(Outcome.HELD, ticket.id(), messageId, null);
        }
        return new Filed(Outcome.TICKET, ticket.id(), messageId, null);
    }
}
