package org.firstline.email.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.firstline.email.MailboxView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;

/**
 * A readable message on its way through the intake filters: what it says, its record, the actor filing it, and
 * what filters ask about it. The mailbox it came in at and the ticket it continues are looked up once, when a
 * filter first asks, since most messages are decided before anyone needs them.
 */
final class Intake {
    private final byte[] raw;
    private final ParsedMail mail;
    private final long inboundId;
    private final AgentPrincipal system;
    private final List<String> ownAddresses;
    private final Supplier<Optional<MailboxView>> mailboxLookup;
    private final Supplier<Optional<TicketView>> threadLookup;
    private @Nullable Optional<MailboxView> mailbox;
    private @Nullable Optional<TicketView> thread;

    Intake(
            byte[] raw,
            ParsedMail mail,
            long inboundId,
            AgentPrincipal system,
            List<String> ownAddresses,
            Supplier<Optional<MailboxView>> mailbox,
            Supplier<Optional<TicketView>> thread) {
        this.raw = raw;
        this.mail = mail;
        this.inboundId = inboundId;
        this.system = system;
        this.ownAddresses = ownAddresses;
        this.mailboxLookup = mailbox;
        this.threadLookup = thread;
    }

    byte[] raw() {
        return raw;
    }

    ParsedMail mail() {
        return mail;
    }

    /** The id of the message's {@code inbound_email} row. */
    long inboundId() {
        return inboundId;
    }

    AgentPrincipal system() {
        return system;
    }

    /** The addresses of Firstline's own mailboxes. */
    List<String> ownAddresses() {
        return ownAddresses;
    }

    /** The mailbox the message came in at; empty when it was handed over directly or the mailbox is gone. */
    Optional<MailboxView> mailbox() {
        if (mailbox == null) {
            mailbox = mailboxLookup.get();
        }
        return mailbox;
    }

    /** The ticket the message continues, by its threading headers or its subject: see {@link MailThreads}. */
    Optional<TicketView> thread() {
        if (thread == null) {
            thread = threadLookup.get();
        }
        return thread;
    }
}
