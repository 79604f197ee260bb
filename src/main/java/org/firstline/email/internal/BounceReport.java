package org.firstline.email.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.platform.ConflictException;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.springframework.stereotype.Component;

/**
 * A delivery failure report for mail Firstline sent becomes a note on that mail's ticket, with the report attached,
 * and the outbox row says it bounced. A report for mail Firstline did not send is quarantined: it may be backscatter.
 */
@Component
class BounceReport implements IntakeFilter {
    private final Outbox outbox;
    private final ConversationService conversation;
    private final AttachmentService attachments;
    private final FirstlineSettings settings;
    private final MeterRegistry meters;

    BounceReport(
            Outbox outbox,
            ConversationService conversation,
            AttachmentService attachments,
            FirstlineSettings settings,
            MeterRegistry meters) {
        this.outbox = outbox;
        this.conversation = conversation;
        this.attachments = attachments;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public Optional<Filed> apply(Intake intake) {
        var bounce = intake.mail().bounce();
        if (bounce == null) {
            return Optional.empty();
        }
        String original = bounce.originalMessageId();
        Optional<Long> ticketId = original == null ? Optional.empty() : outbox.ticketOfSent(original);
        if (original == null || ticketId.isEmpty()) {
            return Optional.of(new Filed(
                    Outcome.QUARANTINED,
                    null,
                    null,
                    "delivery failure report for a message Firstline did not send"
                            + (original == null ? "" : " (" + original + ")")));
        }
        outbox.recordBounce(
                original,
                "bounced: " + bounce.status() + (bounce.diagnostic() == null ? "" : " " + bounce.diagnostic()));
        String note = "Delivery failure: email to "
                + (bounce.recipient() == null ? "the recipient" : bounce.recipient()) + " bounced (status "
                + bounce.status() + (bounce.diagnostic() == null ? "" : ", " + bounce.diagnostic()) + ").";
        Long messageId = null;
        try {
            messageId = conversation
                    .post(ticketId.get(), new MessageForm(note, MessageKind.NOTE, null), intake.system())
                    .id();
            if (intake.raw().length <= settings.attachmentMaxBytes()) {
                attachments.add(ticketId.get(), messageId, "delivery-report.eml", intake.raw(), intake.system());
            }
        } catch (ConflictException closed) {
            // the ticket is closed: the report stays with the message record
        }
        meters.counter("firstline.email.outbound", "result", "bounced").increment();
        return Optional.of(new Filed(Outcome.BOUNCE, ticketId.get(), messageId, null));
    }
}
