package org.firstline.email.internal;

import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageView;
import org.firstline.ticket.ReplyText;
import org.springframework.stereotype.Component;

/**
 * A representative answering an approval request: the reply is noted on the held ticket, and an approve or reject
 * word in its new text decides the request. Anyone else answering the request is an ordinary reply.
 */
@Component
class ApprovalReply implements IntakeFilter {
    private static final int MAX_NOTE = 10_000;

    private final Approvals approvals;
    private final ConversationService conversation;

    ApprovalReply(Approvals approvals, ConversationService conversation) {
        this.approvals = approvals;
        this.conversation = conversation;
    }

    @Override
    public Optional<Filed> apply(Intake intake) {
        ParsedMail mail = intake.mail();
        Optional<Long> request = approvals.requestAnsweredBy(mail.threadIds());
        if (request.isEmpty() || !approvals.isRepresentativeFor(request.get(), mail.fromAddress())) {
            return Optional.empty();
        }
        long ticketId = approvals.ticketOf(request.get());
        String reply = ReplyText.split(mail.text()).fresh();
        var decision = Approvals.decisionIn(reply);
        MessageView note = conversation.post(
                ticketId,
                new MessageForm(
                        "Reply from representative " + mail.fromAddress() + ":\n\n"
                                + InboundMessages.truncate(reply, MAX_NOTE),
                        MessageKind.NOTE,
                        null),
                intake.system());
        decision.ifPresent(d -> approvals.decide(request.get(), d));
        return Optional.of(new Filed(
                Outcome.APPROVAL,
                ticketId,
                note.id(),
                decision.isEmpty() ? "no approve/reject word found; noted on the ticket" : null));
    }
}
