package org.firstline.email.internal;

import java.util.List;
import org.firstline.email.MailboxView;
import org.firstline.platform.MailUnavailableException;
import org.firstline.ticketform.FormConfirmationRequested;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A request sent from the public form is confirmed from the mailbox it names: the link is mailed, queued in the
 * transaction that stored the request, from the form's mailbox ({@code firstline.ticket-form.mailbox}, else the first
 * that can send). With no mailbox that can send,
 * the request is refused there and then, so the sender is told instead of waiting for a link.
 */
@Component
class FormConfirmationMailer {
    private final Outbox outbox;
    private final MailboxStore mailboxes;
    private final @Nullable String formMailbox;

    FormConfirmationMailer(
            Outbox outbox,
            MailboxStore mailboxes,
            @Value("${firstline.ticket-form.mailbox:}") @Nullable String formMailbox) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.formMailbox = formMailbox == null || formMailbox.isBlank() ? null : formMailbox;
    }

    @EventListener
    void on(FormConfirmationRequested requested) {
        MailboxView mailbox = mailboxes.senderAt(formMailbox).orElse(null);
        if (mailbox == null) throw new MailUnavailableException("the confirmation link");
        String body = """
                Hello %s,

                We received this request on our support form, from this address:

                    %s

                To send it to our support team, open this link and press "Confirm":
                %s

                The link works for 24 hours. If you did not send this, ignore this message: nothing is filed
                without the confirmation.

                %s
                """.formatted(requested.name(), requested.subject(), requested.confirmUrl(), mailbox.name());
        outbox.enqueue(
                new OutboundMail(
                        mailbox.id(),
                        null,
                        null,
                        OutboundMail.Kind.FORM_CONFIRMATION,
                        List.of(requested.email()),
                        List.of(),
                        "Please confirm your request: " + requested.subject(),
                        body),
                mailbox.address());
    }
}
