package org.firstline.email.internal;

import java.util.List;
import org.firstline.platform.MailUnavailableException;
import org.firstline.statuspage.SubscriptionRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks a new status page subscriber to confirm, from the first mailbox that can send. Queued in the transaction
 * that recorded the request; with no mailbox able to send, the request is refused
 * there and then and the visitor is told.
 */
@Component
class StatusSubscriptionMailer {
    private final MailboxStore mailboxes;
    private final Outbox outbox;

    StatusSubscriptionMailer(MailboxStore mailboxes, Outbox outbox) {
        this.mailboxes = mailboxes;
        this.outbox = outbox;
    }

    @EventListener
    void on(SubscriptionRequested requested) {
        var sender = mailboxes
                .senderAt(null)
                .orElseThrow(() -> new MailUnavailableException("the subscription confirmation"));
        String body = """
                Hello,

                someone, probably you, asked to receive status updates of %s at this address.
                To confirm, open this link within 48 hours and press the button:

                %s

                If you did not ask for this, ignore this message: without confirmation you will receive nothing more.
                """.formatted(requested.pageName(), requested.confirmUrl());
        outbox.enqueue(
                new OutboundMail(
                        sender.id(),
                        null,
                        null,
                        OutboundMail.Kind.STATUS_SUBSCRIPTION,
                        List.of(requested.address()),
                        List.of(),
                        "Confirm your subscription to " + requested.pageName() + " status updates",
                        body),
                sender.address());
    }
}
