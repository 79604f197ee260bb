package org.firstline.email.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.firstline.directory.AgentService;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. A row is leased before sending so that only one node sends it; a failure is retried
 * with back-off (1, 2, 4 … minutes, at most an hour apart) and given up after {@value #MAX_ATTEMPTS} attempts. The first
 * failure and the giving up are written on the ticket as internal notes, and every failure is counted in metrics.
 */
@Component
public class OutboxSender {
    static final int MAX_ATTEMPTS = 8;
    /** How long a mail being sent is this node's: longer than an SMTP exchange can take with its timeouts. */
    private static final Duration LEASE = Duration.ofMinutes(5);
    /**
     * How long a claimed batch waits for this node before others may take it: short, so mail a dead node had claimed
     * (a page among it) goes out within seconds; each mail is leased again for {@link #LEASE} just before it is sent,
     * and only the holder of the claim may do that, so nothing goes out twice.
     */
    private static final Duration CLAIM = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private record Due(
            long id,
            @Nullable Long mailboxId,
            @Nullable Long ticketId,
            @Nullable Long ticketMessageId,
            String messageId,
            @Nullable String inReplyTo,
            List<String> references,
            List<String> recipients,
            List<String> cc,
            String subject,
            String body,
            String kind,
            int attempts,
            List<Long> attachmentIds,
            Instant lease) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final MailboxStore mailboxes;
    private final SmtpSenders senders;
    private final AttachmentService attachments;
    private final ConversationService conversation;
    private final AgentService agents;
    private final Counter sent;
    private final Counter failed;
    private final Counter givenUp;

    OutboxSender(
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate transactions,
            MailboxStore mailboxes,
            SmtpSenders senders,
            AttachmentService attachments,
            ConversationService conversation,
            AgentService agents,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.mailboxes = mailboxes;
        this.senders = senders;
        this.attachments = attachments;
        this.conversation = conversation;
        this.agents = agents;
        this.sent = Counter.builder("firstline.email.outbound")
                .tag("result", "sent")
                .register(meters);
        this.failed = Counter.builder("firstline.email.outbound")
                .tag("result", "failed")
                .register(meters);
        this.givenUp = Counter.builder("firstline.email.outbound")
                .tag("result", "given_up")
                .register(meters);
    }

    /** Sends everything due now; returns how many were sent. */
    public int sendDue() {
        int count = 0;
        for (List<Due> due = claim(20); !due.isEmpty(); due = claim(20)) {
            for (Due mail : due) {
                if (send(mail)) {
                    count++;
                }
            }
        }
        return count;
    }

    private List<Due> claim(int limit) {
        Instant now = clock.instant();
        // to the microsecond, as PostgreSQL keeps it: the lease is compared again before each mail goes out
        Instant lease = now.plus(CLAIM).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return transactions.execute(status -> jdbc.sql("""
                update outbound_email o set next_attempt_at = :lease
                from (select id from outbound_email where status in ('QUEUED', 'SENDING') and next_attempt_at <= :now
                        and (mailbox_id is not null or exists (select 1 from mailbox where smtp_host is not null and enabled))
                      order by next_attempt_at limit :limit for update skip locked) due
                where o.id = due.id
                returning o.*""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(lease))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getObject("mailbox_id", Long.class),
                        rs.getObject("ticket_id", Long.class),
                        rs.getObject("ticket_message_id", Long.class),
                        rs.getString("message_id"),
                        rs.getString("in_reply_to"),
                        List.of((String[]) rs.getArray("references_ids").getArray()),
                        List.of((String[]) rs.getArray("recipients").getArray()),
                        List.of((String[]) rs.getArray("cc").getArray()),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getString("kind"),
                        rs.getInt("attempts"),
                        List.of((Long[]) rs.getArray("attachment_ids").getArray()),
                        lease))
                .list());
    }

    private boolean send(Due mail) {
        try {
            // a reply queued while no mailbox could send goes out from the one that can now
            long mailboxId = mail.mailboxId() != null
                    ? mail.mailboxId()
                    : mailboxes
                            .senderFor(Objects.requireNonNull(mail.ticketId(), "only replies wait for a mailbox"))
                            .orElseThrow()
                            .id();
            var connection = mailboxes.connection(mailboxId).orElseThrow();
            var sender = senders.sender(connection);
            MimeMessage message = new ThreadedMessage(sender.getSession(), mail.messageId());
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(new InternetAddress(
                    connection.mailbox().address(), connection.mailbox().name(), "UTF-8"));
            helper.setTo(mail.recipients().toArray(String[]::new));
            if (!mail.cc().isEmpty()) {
                helper.setCc(mail.cc().toArray(String[]::new));
            }
            helper.setSubject(mail.subject());
            helper.setSentDate(Date.from(clock.instant()));
            helper.setText(mail.body(), false);
            for (var attachment : files(mail)) {
                var content = attachments.get(attachment.id());
                helper.addAttachment(
                        attachment.filename(), new ByteArrayResource(content.bytes()), attachment.contentType());
            }
            if (mail.inReplyTo() != null) {
                message.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
            }
            if (!mail.references().isEmpty()) {
                message.setHeader(
                        "References",
                        String.join(
                                " ",
                                mail.references().stream()
                                        .map(id -> "<" + id + ">")
                                        .toList()));
            }
            if (!mail.kind().equals("REPLY")) {
                // RFC 3834: automatic mail says so, so that well-behaved responders do not answer it; mail about a
                // ticket answers its requester, the rest (pages, rota changes) answers nobody
                message.setHeader("Auto-Submitted", mail.ticketId() == null ? "auto-generated" : "auto-replied");
            }
            if (mail.ticketId() != null) message.setHeader("X-Firstline-Ticket", String.valueOf(mail.ticketId()));
            // committed before the SMTP call: a crash now leaves this one mail SENDING (sent again after the lease,
            // with the same Message-ID) and the rest of the batch QUEUED
            if (!markSending(mail)) {
                return false;
            }
            sender.send(message);
            jdbc.sql("""
                    update outbound_email set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null, mailbox_id = ?
                    where id = ?""")
                    .params(Timestamp.from(clock.instant()), mailboxId, mail.id())
                    .update();
            sent.increment();
            return true;
        } catch (Exception e) {
            fail(mail, e);
            return false;
        }
    }

    /**
     * Still ours, and now SENDING under a fresh lease; false when a slow batch outlived its lease and another node
     * took this mail over, which then sends it instead.
     */
    private boolean markSending(Due mail) {
        return jdbc.sql("""
                update outbound_email set status = 'SENDING', next_attempt_at = ?
                where id = ? and next_attempt_at = ? and status in ('QUEUED', 'SENDING')""")
                        .params(Timestamp.from(clock.instant().plus(LEASE)), mail.id(), Timestamp.from(mail.lease()))
                        .update()
                == 1;
    }

    /**
     * The files queued with the mail, and any added to its message since through the API (which attaches in a second
     * call); never fewer than were there when it was queued.
     */
    private List<org.firstline.ticket.AttachmentView> files(Due mail) {
        if (mail.ticketId() == null) return List.of();
        return attachments.list(mail.ticketId()).stream()
                .filter(a -> mail.attachmentIds().contains(a.id())
                        || (mail.ticketMessageId() != null
                                && mail.ticketMessageId().equals(a.messageId())))
                .toList();
    }

    private void fail(Due mail, Exception e) {
        failed.increment();
        int attempts = mail.attempts() + 1;
        boolean giveUp = attempts >= MAX_ATTEMPTS;
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("Sending outbound mail {} failed (attempt {}): {}", mail.id(), attempts, error);
        Duration backoff = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    update outbound_email set attempts = ?, last_error = ?, status = ?, next_attempt_at = ? where id = ?""")
                    .params(
                            attempts,
                            error.length() > 1000 ? error.substring(0, 1000) : error,
                            giveUp ? "FAILED" : "QUEUED",
                            giveUp ? null : Timestamp.from(clock.instant().plus(backoff)),
                            mail.id())
                    .update();
            if (mail.ticketId() != null && (attempts == 1 || giveUp)) {
                String note = giveUp
                        ? "Email to " + String.join(", ", mail.recipients()) + " could not be delivered after "
                                + attempts + " attempts and was given up: " + error
                        : "Email to " + String.join(", ", mail.recipients()) + " could not be sent yet (" + error
                                + "). Firstline retries with back-off.";
                try {
                    conversation.post(
                            mail.ticketId(), new MessageForm(note, MessageKind.NOTE, null), agents.system("email"));
                } catch (org.firstline.platform.ConflictException closed) {
                    // a closed ticket takes no notes; the failure stays on the outbox row and in metrics
                }
            }
        });
        if (giveUp) {
            givenUp.increment();
        }
    }

    /** A message that keeps the Message-ID Firstline chose instead of the one Jakarta Mail would make up on sending. */
    private static final class ThreadedMessage extends MimeMessage {
        private final String messageId;

        ThreadedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
