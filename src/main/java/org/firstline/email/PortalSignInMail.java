package org.firstline.email;

import java.time.Duration;
import java.util.List;
import org.firstline.email.internal.MailboxStore;
import org.firstline.email.internal.OutboundMail;
import org.firstline.email.internal.Outbox;
import org.firstline.platform.MailUnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Mails a customer the link that signs them in to the portal, from the portal's mailbox
 * ({@code firstline.portal.mailbox}, else the public form's, else the first that can send). With none, the
 * link is refused there and then ({@link MailUnavailableException}), so the person asking is told rather than
 * waiting for mail that cannot come.
 */
@Service
public class PortalSignInMail {
    private final Outbox outbox;
    private final MailboxStore mailboxes;
    private final @Nullable String address;

    PortalSignInMail(
            Outbox outbox,
            MailboxStore mailboxes,
            // the public form's mailbox, unless the portal names its own: both write to customers about no ticket
            @Value("${firstline.portal.mailbox:${firstline.ticket-form.mailbox:}}") @Nullable String address) {
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.address = address == null || address.isBlank() ? null : address;
    }

    /** Whether any mailbox can send: asked before a link is made, so a refusal is the same for every address. */
    public boolean canSend() {
        return mailboxes.senderAt(address).isPresent();
    }

    public void send(String email, String name, String link, Duration validFor) {
        MailboxView mailbox = mailboxes.senderAt(address).orElse(null);
        if (mailbox == null) throw new MailUnavailableException("the sign-in link");
        String body = """
                Hello %s,

                Someone, probably you, asked to sign in to %s's support portal with this address.
                Open this link in the same browser to sign in:

                %s

                The link works once, for %d minutes, and only in the browser it was asked from. If you did not ask
                for it, ignore this message: nobody can sign in without it.

                %s
                """.formatted(name, mailbox.name(), link, validFor.toMinutes(), mailbox.name());
        outbox.enqueue(
                new OutboundMail(
                        mailbox.id(),
                        null,
                        null,
                        OutboundMail.Kind.PORTAL_SIGN_IN,
                        List.of(email),
                        List.of(),
                        "Your sign-in link for " + mailbox.name(),
                        body),
                mailbox.address());
    }
}
