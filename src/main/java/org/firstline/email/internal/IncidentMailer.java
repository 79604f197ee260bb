package org.firstline.email.internal;

import java.util.List;
import org.firstline.incident.IncidentNotice;
import org.firstline.incident.IncidentNoticesDue;
import org.firstline.incident.UpdateReminderDue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Incident updates and reminders by mail, queued in the transaction that marks the notices sent. A requester's
 * notice goes in their ticket's thread, from the ticket's mailbox, so a reply lands on that ticket.
 */
@Component
class IncidentMailer {
    private final MailboxStore mailboxes;
    private final Outbox outbox;

    IncidentMailer(MailboxStore mailboxes, Outbox outbox) {
        this.mailboxes = mailboxes;
        this.outbox = outbox;
    }

    @EventListener
    void on(IncidentNoticesDue due) {
        for (IncidentNotice notice : due.notices()) {
            var mailbox = notice.ticketId() == null
                    ? java.util.Optional.<org.firstline.email.MailboxView>empty()
                    : mailboxes.senderFor(notice.ticketId());
            outbox.enqueue(
                    new OutboundMail(
                            mailbox.map(m -> m.id()).orElse(null),
                            notice.ticketId(),
                            null,
                            OutboundMail.Kind.INCIDENT_UPDATE,
                            List.of(notice.address()),
                            List.of(),
                            notice.subject(),
                            notice.body()),
                    mailbox.map(m -> m.address()).orElse(null));
        }
    }

    @EventListener
    void on(UpdateReminderDue due) {
        if (due.address().isBlank()) return;
        outbox.enqueue(
                new OutboundMail(
                        null,
                        null,
                        null,
                        OutboundMail.Kind.INCIDENT_REMINDER,
                        List.of(due.address()),
                        List.of(),
                        due.subject(),
                        due.body()),
                null);
    }
}
