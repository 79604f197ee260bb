package org.firstline.email;

import java.util.List;
import java.util.Optional;
import org.firstline.email.internal.MailboxStore;
import org.firstline.email.internal.OutboundMail;
import org.firstline.email.internal.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Mail to the desk's own people about no ticket, such as on-call pages: queued in the caller's transaction, so it goes
 * out exactly when what it reports commits. From {@code firstline.oncall.mailbox}, else the first mailbox that can send.
 */
@Service
public class StaffMail {
    private final Outbox outbox;
    private final MailboxStore mailboxes;
    private final @Nullable String address;

    StaffMail(Outbox outbox, MailboxStore mailboxes, @Value("${firstline.oncall.mailbox:}") @Nullable String address) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.address = address == null || address.isBlank() ? null : address;
    }

    /** Queues the mail; empty when no mailbox can send, so the caller can say so and try another way. */
    public Optional<Long> send(String to, String subject, String body) {
        var mailbox = mailboxes.senderAt(address);
        if (mailbox.isEmpty()) return Optional.empty();
        return Optional.of(outbox.enqueue(
                new OutboundMail(
                        mailbox.get().id(), null, null, OutboundMail.Kind.PAGE, List.of(to), List.of(), subject, body),
                mailbox.get().address()));
    }
}
