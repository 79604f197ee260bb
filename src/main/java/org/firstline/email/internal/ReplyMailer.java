package org.firstline.email.internal;

import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.ContactService;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessagePosted;
import org.firstline.ticket.TicketService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails an agent's public reply to the requester and the ticket's cc's. It listens just before the transaction that
 * posted the reply commits, so the outbox row exists exactly when the reply does, and holds the files attached to it in
 * that transaction. With no mailbox that can send, the reply is queued all the same and leaves once an admin adds one.
 */
@Component
class ReplyMailer {
    private final TicketService tickets;
    private final ConversationService conversation;
    private final ContactService contacts;
    private final MailboxStore mailboxes;
    private final Outbox outbox;

    ReplyMailer(
            TicketService tickets,
            ConversationService conversation,
            ContactService contacts,
            MailboxStore mailboxes,
            Outbox outbox) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.contacts = contacts;
        this.mailboxes = mailboxes;
        this.outbox = outbox;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(MessagePosted posted) {
        if (posted.kind() != MessageKind.PUBLIC || !posted.byAgent()) {
            return;
        }
        var mailbox = mailboxes.senderFor(posted.ticketId());
        var ticket = tickets.get(posted.ticketId());
        var requester = contacts.get(ticket.requesterId());
        if (requester.primaryEmail() == null) {
            return;
        }
        String body = conversation.body(posted.messageId());
        List<String> own = mailboxes.ownAddresses();
        List<String> cc = new ArrayList<>(
                ticket.cc().stream().filter(a -> !own.contains(a)).toList());
        outbox.enqueue(
                new OutboundMail(
                        mailbox.map(m -> m.id()).orElse(null),
                        ticket.id(),
                        posted.messageId(),
                        OutboundMail.Kind.REPLY,
                        List.of(requester.primaryEmail()),
                        cc,
                        "[#" + ticket.number() + "] Re: " + ticket.subject(),
                        body),
                mailbox.map(m -> m.address()).orElse(null));
    }
}
