package org.firstline.email.internal;

import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageView;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;

/** A reply to a ticket that is not closed joins its conversation, as the sender's message, with its files. */
@Component
class ReplyToOpenTicket implements IntakeFilter {
    private final ConversationService conversation;
    private final TicketAttachments attachments;

    ReplyToOpenTicket(ConversationService conversation, TicketAttachments attachments) {
        this.conversation = conversation;
        this.attachments = attachments;
    }

    @Override
    public Optional<Filed> apply(Intake intake) {
        Optional<TicketView> open = intake.thread().filter(ticket -> ticket.status() != TicketStatus.CLOSED);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        long ticketId = open.get().id();
        ParsedMail mail = intake.mail();
        MessageView message = conversation.post(
                ticketId,
                new MessageForm(MailText.body(mail), MessageKind.PUBLIC, mail.fromAddress()),
                intake.system());
        attachments.store(ticketId, message.id(), mail, intake.system());
        return Optional.of(new Filed(Outcome.REPLY, ticketId, message.id(), null));
    }
}
