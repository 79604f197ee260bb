package org.firstline.email.internal;

import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Origin;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.springframework.stereotype.Component;

/**
 * Files a readable message in the caller's transaction: records it (a message another reader recorded first is a
 * duplicate), lets the intake filters decide what becomes of it, and records that.
 */
@Component
class MailRouter {
    private final InboundMessages messages;
    private final AuditStamp audit;
    private final MailboxStore mailboxes;
    private final MailThreads threads;
    private final IntakeFilters filters;

    MailRouter(
            InboundMessages messages,
            AuditStamp audit,
            MailboxStore mailboxes,
            MailThreads threads,
            IntakeFilters filters) {
        this.messages = messages;
        this.audit = audit;
        this.mailboxes = mailboxes;
        this.threads = threads;
        this.filters = filters;
    }

    Filed route(byte[] raw, String key, ParsedMail mail, Origin origin, AgentPrincipal system) {
        audit.stamp(system.auditName());
        Long inboundId = messages.record(key, mail, origin, raw);
        if (inboundId == null) {
            return new Filed(Outcome.DUPLICATE, null, null, null);
        }
        Intake intake = new Intake(
                raw,
                mail,
                inboundId,
                system,
                mailboxes.ownAddresses(),
                () -> origin.mailboxId() == null ? Optional.empty() : mailboxes.find(origin.mailboxId()),
                () -> threads.of(mail));
        Filed filed = filters.apply(intake);
        messages.settle(inboundId, filed);
        return filed;
    }
}
