package org.firstline.email.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files one raw message, exactly once: the message's row (keyed by its Message-ID, else a hash of its bytes) is
 * written in the same transaction as the ticket or reply it makes, so a message read again is recognised and left
 * alone. What cannot be read or filed goes to quarantine with the reason, raw message kept. What a readable message
 * becomes is decided by the intake filters ({@link IntakeFilterOrder}).
 */
@Component
public class InboundMailFiler {
    private static final Logger log = LoggerFactory.getLogger(InboundMailFiler.class);

    /** What became of a message. */
    public enum Outcome {
        TICKET,
        REPLY,
        HELD,
        BOUNCE,
        APPROVAL,
        IGNORED,
        QUARANTINED,
        DUPLICATE
    }

    public record Filed(
            Outcome outcome,
            @Nullable Long ticketId,
            @Nullable Long messageId,
            @Nullable String reason) {}

    /** Where a message came from on the server, kept for tracing. */
    public record Origin(
            @Nullable Long mailboxId,
            @Nullable Long uidValidity,
            @Nullable Long uid) {}

    private final InboundMessages messages;
    private final TransactionTemplate transactions;
    private final AgentService agents;
    private final MailRouter router;
    private final MeterRegistry meters;

    InboundMailFiler(
            InboundMessages messages,
            TransactionTemplate transactions,
            AgentService agents,
            MailRouter router,
            MeterRegistry meters) {
        this.messages = messages;
        this.transactions = transactions;
        this.agents = agents;
        this.router = router;
        this.meters = meters;
    }

    public Filed file(byte[] raw, Origin origin) {
        String key = MailParser.dedupKey(raw);
        // the key carries the Message-ID ("mid:<id>#<digest>"): no second read of the header
        String messageId = key.startsWith("mid:") ? key.substring(4, key.lastIndexOf('#')) : null;
        if (messages.known(key)) {
            return count(new Filed(Outcome.DUPLICATE, null, null, null));
        }
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MalformedMailException e) {
            String[] header = MailParser.senderAndSubject(raw);
            return count(quarantine(raw, key, messageId, header[0], header[1], origin, e.getMessage()));
        }
        // services that stamp "the current actor" see the email process, not an anonymous "system"
        var previous = SecurityContextHolder.getContext();
        var security = SecurityContextHolder.createEmptyContext();
        AgentPrincipal system = agents.system("email");
        security.setAuthentication(new UsernamePasswordAuthenticationToken(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            return count(transactions.execute(status -> router.route(raw, key, mail, origin, system)));
        } catch (RuntimeException e) {
            log.warn("Could not file message {}", key, e);
            return count(quarantine(
                    raw,
                    key,
                    messageId,
                    mail.fromAddress(),
                    mail.subject(),
                    origin,
                    "could not be filed: " + reason(e)));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Files a quarantined message again, with the reader as it is now; the entry is replaced by what it becomes. */
    public Filed retry(long inboundId) {
        var quarantined = messages.quarantined(inboundId)
                .orElseThrow(() -> new NotFoundException("No quarantined message " + inboundId));
        ParsedMail mail;
        try {
            mail = MailParser.parse(quarantined.raw());
        } catch (MalformedMailException e) {
            messages.stillQuarantined(inboundId, e.getMessage());
            return new Filed(Outcome.QUARANTINED, null, null, e.getMessage());
        }
        return transactions.execute(status -> {
            messages.forget(inboundId);
            return router.route(
                    quarantined.raw(), quarantined.key(), mail, quarantined.origin(), agents.system("email"));
        });
    }

    /** Says why for the admins who read the quarantine, without SQL or class names: the details are in the log. */
    private static @Nullable String reason(RuntimeException e) {
        if (e instanceof InvalidRequestException || e instanceof ConflictException || e instanceof NotFoundException) {
            return e.getMessage();
        }
        if (e instanceof DataAccessException) {
            return "the database refused it (details in the server log)";
        }
        return "an unexpected error (details in the server log)";
    }

    private Filed quarantine(
            byte[] raw,
            String key,
            @Nullable String messageId,
            @Nullable String sender,
            @Nullable String subject,
            Origin origin,
            @Nullable String reason) {
        return transactions.execute(
                status -> messages.quarantine(raw, key, messageId, sender, subject, origin, reason));
    }

    private Filed count(Filed filed) {
        meters.counter(
                        "firstline.email.inbound",
                        "outcome",
                        filed.outcome().name().toLowerCase(Locale.ROOT))
                .increment();
        return filed;
    }
}
