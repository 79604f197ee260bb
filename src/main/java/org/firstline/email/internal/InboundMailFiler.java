package org.firstline.email.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.email.MailboxView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.Channel;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.LinkForm;
import org.firstline.ticket.LinkKind;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageView;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files one raw message, exactly once: the message's row (keyed by its Message-ID, else a hash of its bytes) is
 * written in the same transaction as the ticket or reply it makes, so a message read again is recognised and left
 * alone. What cannot be read or filed goes to quarantine with the reason, raw message kept.
 */
@Component
public class InboundMailFiler {
    private static final Logger log = LoggerFactory.getLogger(InboundMailFiler.class);
    private static final Pattern TICKET_TOKEN = Pattern.compile("\\[#(\\d{1,12})]");
    private static final int MAX_BODY = 200_000;
    private static final int MAX_SUBJECT = 500;

    /** What became of a message. */
    public enum Outcome { TICKET, REPLY, HELD, BOUNCE, APPROVAL, IGNORED, QUARANTINED, DUPLICATE }

    public record Filed(Outcome outcome, @Nullable Long ticketId, @Nullable Long messageId, @Nullable String reason) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final AuditStamp audit;
    private final FirstlineSettings settings;
    private final TicketService tickets;
    private final ConversationService conversation;
    private final AttachmentService attachments;
    private final LinkService links;
    private final ContactService contacts;
    private final AgentService agents;
    private final MailboxStore mailboxes;
    private final Approvals approvals;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final MeterRegistry meters;
    private final int senderLimitPerHour;

    InboundMailFiler(JdbcClient jdbc, Clock clock, TransactionTemplate transactions, AuditStamp audit, FirstlineSettings settings,
            TicketService tickets, ConversationService conversation, AttachmentService attachments, LinkService links,
            ContactService contacts, AgentService agents, MailboxStore mailboxes,
            Approvals approvals, MailTemplates templates, Outbox outbox, MeterRegistry meters,
            @Value("${firstline.email.sender-limit-per-hour:30}") int senderLimitPerHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.audit = audit;
        this.settings = settings;
        this.tickets = tickets;
        this.conversation = conversation;
        this.attachments = attachments;
        this.links = links;
        this.contacts = contacts;
        this.agents = agents;
        this.mailboxes = mailboxes;
        this.approvals = approvals;
        this.templates = templates;
        this.outbox = outbox;
        this.meters = meters;
        this.senderLimitPerHour = senderLimitPerHour;
    }

    /** Where a message came from on the server, kept for tracing. */
    public record Origin(@Nullable Long mailboxId, @Nullable Long uidValidity, @Nullable Long uid) {}

    public Filed file(byte[] raw, Origin origin) {
        String key = MailParser.dedupKey(raw);
        // the key carries the Message-ID ("mid:<id>#<digest>"): no second read of the header
        String messageId = key.startsWith("mid:") ? key.substring(4, key.lastIndexOf('#')) : null;
        if (alreadyFiled(key)) {
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
            Filed filed = transactions.execute(status -> fileParsed(raw, key, mail, origin));
            return count(filed);
        } catch (RuntimeException e) {
            log.warn("Could not file message {}", key, e);
            return count(quarantine(raw, key, messageId, mail.fromAddress(), mail.subject(), origin, "could not be filed: " + reason(e)));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Says why for the admins who read the quarantine, without SQL or class names: the details are in the log. */
    private static @Nullable String reason(RuntimeException e) {
        if (e instanceof org.firstline.platform.InvalidRequestException || e instanceof org.firstline.platform.ConflictException
                || e instanceof org.firstline.platform.NotFoundException) {
            return e.getMessage();
        }
        if (e instanceof org.springframework.dao.DataAccessException) {
            return "the database refused it (details in the server log)";
        }
        return "an unexpected error (details in the server log)";
    }

    /** Files a quarantined message again, with the reader as it is now; the entry is replaced by what it becomes. */
    public Filed retry(long inboundId) {
        var row = jdbc.sql("select raw, dedup_key, mailbox_id, uid_validity, uid from inbound_email where id = ? and outcome = 'QUARANTINED'")
                .param(inboundId).query((rs, n) -> new Object[] {rs.getBytes(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getObject(5, Long.class)}).optional()
                .orElseThrow(() -> new org.firstline.platform.NotFoundException("No quarantined message " + inboundId));
        byte[] raw = (byte[]) row[0];
        ParsedMail mail;
        try {
            mail = MailParser.parse(raw);
        } catch (MalformedMailException e) {
            jdbc.sql("update inbound_email set reason = ? where id = ?").params(e.getMessage(), inboundId).update();
            return new Filed(Outcome.QUARANTINED, null, null, e.getMessage());
        }
        return transactions.execute(status -> {
            jdbc.sql("delete from inbound_email where id = ?").param(inboundId).update();
            return fileParsed(raw, (String) row[1], mail, new Origin((Long) row[2], (Long) row[3], (Long) row[4]));
        });
    }

    private boolean alreadyFiled(String key) {
        return jdbc.sql("select count(*) from inbound_email where dedup_key = ?").param(key).query(Integer.class).single() > 0;
    }

    private Filed fileParsed(byte[] raw, String key, ParsedMail mail, Origin origin) {
        AgentPrincipal system = agents.system("email");
        audit.stamp(system.auditName());
        Long inboundId = jdbc.sql("""
                insert into inbound_email (mailbox_id, dedup_key, message_id, sender, subject, uid_validity, uid, outcome, html, raw, received_at)
                values (?, ?, ?, ?, ?, ?, ?, 'IGNORED', ?, ?, ?) on conflict (dedup_key) do nothing returning id""")
                .params(origin.mailboxId(), key, mail.messageId(), mail.fromAddress(), truncate(mail.subject(), 1000),
                        origin.uidValidity(), origin.uid(), mail.html(), raw, Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        if (inboundId == null) {
            return new Filed(Outcome.DUPLICATE, null, null, null);
        }
        Filed filed = route(raw, mail, origin, inboundId, system);
        jdbc.sql("update inbound_email set outcome = ?, reason = ?, ticket_id = ?, ticket_message_id = ? where id = ?")
                .params(filed.outcome() == Outcome.QUARANTINED ? "QUARANTINED" : filed.outcome().name(), filed.reason(),
                        filed.ticketId(), filed.messageId(), inboundId)
                .update();
        return filed;
    }

    private Filed route(byte[] raw, ParsedMail mail, Origin origin, long inboundId, AgentPrincipal system) {
        List<String> own = mailboxes.ownAddresses();
        if (own.contains(mail.fromAddress())) {
            return new Filed(Outcome.QUARANTINED, null, null, "sent from Firstline's own address " + mail.fromAddress()
                    + ": not filed, to avoid a mail loop");
        }
        int recent = jdbc.sql("""
                select count(*) from inbound_email where sender = ? and received_at > ? and outcome <> 'QUARANTINED'""")
                .params(mail.fromAddress(), Timestamp.from(clock.instant().minus(Duration.ofHours(1)))).query(Integer.class).single();
        if (recent > senderLimitPerHour) {
            return new Filed(Outcome.QUARANTINED, null, null, "more than " + senderLimitPerHour + " messages from " + mail.fromAddress()
                    + " in the last hour: held as a possible mail storm");
        }
        if (mail.bounce() != null) {
            return bounce(raw, mail, system);
        }
        Optional<Long> approval = approvals.requestAnsweredBy(mail.threadIds());
        if (approval.isPresent() && approvals.isRepresentativeFor(approval.get(), mail.fromAddress())) {
            return approvalReply(mail, approval.get(), system);
        }
        MailboxView mailbox = origin.mailboxId() == null ? null : mailboxes.find(origin.mailboxId()).orElse(null);
        Optional<TicketView> thread = threadOf(mail);
        if (thread.isPresent()) {
            TicketView ticket = thread.get();
            if (ticket.status() != TicketStatus.CLOSED) {
                MessageView message = conversation.post(ticket.id(),
                        new MessageForm(body(mail), MessageKind.PUBLIC, mail.fromAddress()), system);
                String notice = attach(ticket.id(), message.id(), mail, system);
                if (!notice.isEmpty()) {
                    conversation.post(ticket.id(), new MessageForm(notice.strip(), MessageKind.NOTE, null), system);
                }
                return new Filed(Outcome.REPLY, ticket.id(), message.id(), null);
            }
            Filed followUp = open(mail, mailbox, inboundId, system);
            links.add(Objects.requireNonNull(followUp.ticketId(), "a new ticket"), new LinkForm(LinkKind.RELATED, ticket.id(), null, false),
                    system);
            return followUp;
        }
        return open(mail, mailbox, inboundId, system);
    }

    private Filed open(ParsedMail mail, @Nullable MailboxView mailbox, long inboundId, AgentPrincipal system) {
        ContactView requester = contacts.findOrCreate(mail.fromAddress(), truncate(mail.fromName(), 200));
        List<String> own = mailboxes.ownAddresses();
        List<String> cc = mail.cc().stream().filter(a -> !own.contains(a) && !a.equals(mail.fromAddress())).toList();
        String subject = subjectOf(mail);
        String body = body(mail);
        // the organization comes from the requester as for any new ticket; so does holding it for a representative
        OpenTicketForm form = new OpenTicketForm(subject, body, new OpenTicketForm.Requester(mail.fromAddress(), null),
                null, null, null, null, null, Channel.EMAIL, null, cc, null, null, null, null, null, null, null, null);
        TicketView ticket = tickets.open(form, system, null);
        long messageId = jdbc.sql("select min(id) from message where ticket_id = ?").param(ticket.id()).query(Long.class).single();
        // the acknowledgement below answers this message: link it to the ticket first
        jdbc.sql("update inbound_email set ticket_id = ?, outcome = 'TICKET' where id = ?").params(ticket.id(), inboundId).update();
        String notice = attach(ticket.id(), messageId, mail, system);
        if (!notice.isEmpty()) {
            conversation.post(ticket.id(), new MessageForm(notice.strip(), MessageKind.NOTE, null), system);
        }
        if (mailbox != null && mailbox.acknowledge() && mailbox.canSend() && !mail.automatic()) {
            var rendered = templates.render(MailTemplates.Key.ACKNOWLEDGEMENT, Map.of(
                    "requester.name", requester.name(), "ticket.subject", ticket.subject(),
                    "ticket.number", String.valueOf(ticket.number()), "mailbox.name", mailbox.name()));
            outbox.enqueue(new OutboundMail(mailbox.id(), ticket.id(), null, OutboundMail.Kind.ACKNOWLEDGEMENT,
                    List.of(mail.fromAddress()), List.of(), "[#" + ticket.number() + "] " + rendered.subject(), rendered.body()),
                    mailbox.address());
        }
        if (ticket.status() == TicketStatus.PENDING && ticket.pendingReason() == PendingReason.REPRESENTATIVE_APPROVAL) {
            return new Filed(Outcome.HELD, ticket.id(), messageId, null);
        }
        return new Filed(Outcome.TICKET, ticket.id(), messageId, null);
    }

    /** By the Message-IDs the reply refers to, then by the ticket number in its subject; else it is new. */
    private Optional<TicketView> threadOf(ParsedMail mail) {
        if (!mail.threadIds().isEmpty()) {
            String[] ids = mail.threadIds().toArray(String[]::new);
            Optional<Long> byHeader = jdbc.sql("""
                    select ticket_id from outbound_email where message_id = any(:ids) and ticket_id is not null
                      and kind in ('REPLY', 'ACKNOWLEDGEMENT', 'APPROVAL_REJECTED', 'ASSIGNMENT', 'RESOLUTION')
                    union all
                    select ticket_id from inbound_email where message_id = any(:ids) and ticket_id is not null
                    limit 1""").param("ids", ids).query(Long.class).optional();
            if (byHeader.isPresent()) {
                return tickets.find(byHeader.get());
            }
        }
        Matcher token = TICKET_TOKEN.matcher(mail.subject());
        if (token.find()) {
            Optional<TicketView> ticket = tickets.byNumber(Long.parseLong(token.group(1)));
            if (ticket.isPresent() && mayReplyTo(ticket.get(), mail.fromAddress())) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /**
     * A ticket number alone is easy to guess: it threads only mail from the requester, someone in cc, a colleague in
     * the ticket's organization, or an agent.
     */
    private boolean mayReplyTo(TicketView ticket, String sender) {
        return jdbc.sql("""
                select exists (select 1 from contact_email e where e.email = :sender and e.contact_id = :requester)
                    or exists (select 1 from ticket_watcher w where w.ticket_id = :ticket and w.email = :sender)
                    or exists (select 1 from contact_email e join contact_organization co on co.contact_id = e.contact_id
                               where e.email = :sender and co.organization_id = :organization)
                    or exists (select 1 from agent a where lower(a.email) = :sender and a.active)""")
                .param("sender", sender).param("requester", ticket.requesterId()).param("ticket", ticket.id())
                .param("organization", ticket.organizationId() == null ? -1L : ticket.organizationId())
                .query(Boolean.class).single();
    }

    private Filed bounce(byte[] raw, ParsedMail mail, AgentPrincipal system) {
        var bounce = Objects.requireNonNull(mail.bounce(), "called for delivery reports only");
        Optional<Long> ticketId = bounce.originalMessageId() == null ? Optional.empty()
                : jdbc.sql("select ticket_id from outbound_email where message_id = ? and ticket_id is not null")
                        .param(bounce.originalMessageId()).query(Long.class).optional();
        if (ticketId.isEmpty()) {
            return new Filed(Outcome.QUARANTINED, null, null, "delivery failure report for a message Firstline did not send"
                    + (bounce.originalMessageId() == null ? "" : " (" + bounce.originalMessageId() + ")"));
        }
        jdbc.sql("update outbound_email set last_error = ? where message_id = ?")
                .params("bounced: " + bounce.status() + (bounce.diagnostic() == null ? "" : " " + bounce.diagnostic()),
                        bounce.originalMessageId()).update();
        String note = "Delivery failure: email to " + (bounce.recipient() == null ? "the recipient" : bounce.recipient())
                + " bounced (status " + bounce.status() + (bounce.diagnostic() == null ? "" : ", " + bounce.diagnostic()) + ").";
        Long messageId = null;
        try {
            messageId = conversation.post(ticketId.get(), new MessageForm(note, MessageKind.NOTE, null), system).id();
            if (raw.length <= settings.attachmentMaxBytes()) {
                attachments.add(ticketId.get(), messageId, "delivery-report.eml", raw, system);
            }
        } catch (org.firstline.platform.ConflictException closed) {
            // the ticket is closed: the report stays with the message record
        }
        meters.counter("firstline.email.outbound", "result", "bounced").increment();
        return new Filed(Outcome.BOUNCE, ticketId.get(), messageId, null);
    }

    private Filed approvalReply(ParsedMail mail, long requestId, AgentPrincipal system) {
        long ticketId = approvals.ticketOf(requestId);
        String reply = org.firstline.ticket.ReplyText.split(mail.text()).fresh();
        var decision = Approvals.decisionIn(reply);
        MessageView note = conversation.post(ticketId, new MessageForm("Reply from representative " + mail.fromAddress() + ":\n\n"
                + truncate(reply, 10_000), MessageKind.NOTE, null), system);
        decision.ifPresent(d -> approvals.decide(requestId, d));
        return new Filed(Outcome.APPROVAL, ticketId, note.id(), decision.isEmpty() ? "no approve/reject word found; noted on the ticket" : null);
    }

    /** Stores the attachments; those over the size limit are left out with a notice, everything else is kept. */
    private String attach(long ticketId, @Nullable Long messageId, ParsedMail mail, AgentPrincipal system) {
        StringBuilder notice = new StringBuilder();
        for (var attachment : mail.attachments()) {
            if (attachment.content().length == 0) {
                continue;
            }
            if (attachment.content().length > settings.attachmentMaxBytes()) {
                notice.append("Attachment ").append(attachment.filename()).append(" (").append(attachment.content().length)
                        .append(" bytes) was not stored: attachments may be at most ").append(settings.attachmentMaxBytes())
                        .append(" bytes. The original message keeps it.\n");
                continue;
            }
            attachments.add(ticketId, messageId, attachment.filename(), attachment.content(), system);
        }
        return notice.toString();
    }

    private static String subjectOf(ParsedMail mail) {
        String subject = TICKET_TOKEN.matcher(mail.subject()).replaceAll("").replaceAll("\\s+", " ").strip();
        if (subject.isEmpty()) {
            subject = "(no subject)";
        }
        return truncate(subject, MAX_SUBJECT);
    }

    private static String body(ParsedMail mail) {
        String text = mail.text() == null ? "" : mail.text().replace("\u0000", "");
        if (text.isBlank()) {
            text = mail.attachments().isEmpty() ? "(The message has no text.)" : "(The message has no text, only attachments.)";
        }
        if (text.length() > MAX_BODY) {
            text = text.substring(0, MAX_BODY - 200) + "\n\n[The message is longer than " + MAX_BODY
                    + " characters and was cut here; the original message is kept in full.]";
        }
        return text;
    }

    private Filed quarantine(byte[] raw, String key, @Nullable String messageId, @Nullable String sender, @Nullable String subject,
            Origin origin, @Nullable String reason) {
        return transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into inbound_email (mailbox_id, dedup_key, message_id, sender, subject, uid_validity, uid, outcome, reason, raw, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'QUARANTINED', ?, ?, ?) on conflict (dedup_key) do nothing""")
                    .params(origin.mailboxId(), key, messageId, sender, truncate(subject, 1000), origin.uidValidity(), origin.uid(),
                            truncate(reason, 2000), raw, Timestamp.from(clock.instant()))
                    .update();
            return inserted == 0 ? new Filed(Outcome.DUPLICATE, null, null, null) : new Filed(Outcome.QUARANTINED, null, null, reason);
        });
    }

    private Filed count(Filed filed) {
        meters.counter("firstline.email.inbound", "outcome", filed.outcome().name().toLowerCase(Locale.ROOT)).increment();
        return filed;
    }

    @Contract("!null, _ -> !null")
    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
