package org.firstline.email;

import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.firstline.email.internal.InboundMailFiler;
import org.firstline.email.internal.MailboxReader;
import org.firstline.email.internal.OutboxSender;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins do with the email channel: read a mailbox now, work the quarantine, edit templates, send the outbox. */
@Service
public class EmailAdministration {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final MailboxReader reader;
    private final InboundMailFiler filer;
    private final OutboxSender sender;
    private final TicketService tickets;
    private final AttachmentService attachments;

    EmailAdministration(
            JdbcClient jdbc,
            Clock clock,
            AuditStamp audit,
            MailboxReader reader,
            InboundMailFiler filer,
            OutboxSender sender,
            TicketService tickets,
            AttachmentService attachments) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.reader = reader;
        this.filer = filer;
        this.sender = sender;
        this.tickets = tickets;
        this.attachments = attachments;
    }

    /** Reads the mailbox now and returns how many messages were new. */
    public int poll(long mailboxId) {
        try {
            return reader.pollOnce(mailboxId);
        } catch (MessagingException e) {
            throw new InvalidRequestException("mailbox", "cannot be read: " + e.getMessage());
        }
    }

    /** Files one raw message as if it had been read from the mailbox (an inbound SMTP relay or an import posts here). */
    public InboundMailFiler.Filed file(long mailboxId, byte[] raw) {
        return filer.file(raw, new InboundMailFiler.Origin(mailboxId, null, null));
    }

    public int sendOutbox() {
        return sender.sendDue();
    }

    public List<QuarantineEntry> quarantine(int limit) {
        return jdbc.sql("""
                select id, mailbox_id, sender, subject, reason, length(raw) as size, received_at from inbound_email
                where outcome = 'QUARANTINED' order by received_at desc, id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new QuarantineEntry(
                        rs.getLong("id"),
                        rs.getObject("mailbox_id", Long.class),
                        rs.getString("sender"),
                        rs.getString("subject"),
                        rs.getString("reason"),
                        rs.getInt("size"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    public byte[] raw(long inboundId) {
        return jdbc.sql("select raw from inbound_email where id = ?")
                .param(inboundId)
                .query(byte[].class)
                .optional()
                .orElseThrow(() -> new NotFoundException("No message " + inboundId));
    }

    public InboundMailFiler.Filed retry(long inboundId) {
        return filer.retry(inboundId);
    }

    /**
     * Makes a ticket of a quarantined message whatever its state: the sender (or the admin, when there is none) is the
     * requester, the text is what could be read, and the raw message is attached.
     */
    @Transactional
    public TicketView convert(long inboundId, AgentPrincipal admin, String fallbackEmail) {
        var row = jdbc.sql(
                        "select sender, subject, raw from inbound_email where id = ? and outcome = 'QUARANTINED' for update")
                .param(inboundId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                .optional()
                .orElseThrow(() -> new NotFoundException("No quarantined message " + inboundId));
        byte[] raw = (byte[]) row[2];
        String sender = row[0] != null ? (String) row[0] : fallbackEmail;
        String subject = row[1] == null || ((String) row[1]).isBlank() ? "(unreadable message)" : (String) row[1];
        String text = readable(raw);
        TicketView ticket = tickets.open(
                OpenTicketForm.of(
                        subject.length() > 500 ? subject.substring(0, 500) : subject,
                        "This message could not be read as mail and was converted by hand; the original is attached.\n\n"
                                + text,
                        sender,
                        null,
                        Channel.EMAIL),
                admin,
                null);
        long firstMessage = jdbc.sql("select min(id) from message where ticket_id = ?")
                .param(ticket.id())
                .query(Long.class)
                .single();
        attachments.add(ticket.id(), firstMessage, "original.eml", raw, admin);
        audit.stamp(admin.auditName());
        jdbc.sql("update inbound_email set outcome = 'CONVERTED', ticket_id = ? where id = ?")
                .params(ticket.id(), inboundId)
                .update();
        return ticket;
    }

    /** Deletes the entry from the list; the row stays (outcome DISCARDED) so the same message is not filed again. */
    @Transactional
    public void discard(long inboundId) {
        if (jdbc.sql("update inbound_email set outcome = 'DISCARDED' where id = ? and outcome = 'QUARANTINED'")
                        .param(inboundId)
                        .update()
                == 0) {
            throw new NotFoundException("No quarantined message " + inboundId);
        }
    }

    public List<EmailTemplate> templates() {
        return jdbc.sql("select key, subject, body from email_template order by key")
                .query((rs, n) -> new EmailTemplate(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Transactional
    public EmailTemplate updateTemplate(String key, EmailTemplate template) {
        String name = key.toUpperCase(Locale.ROOT);
        int updated = jdbc.sql("update email_template set subject = ?, body = ?, updated_at = ? where key = ?")
                .params(template.subject().strip(), template.body(), Timestamp.from(clock.instant()), name)
                .update();
        if (updated == 0) {
            throw new NotFoundException("No email template " + key);
        }
        return new EmailTemplate(name, template.subject().strip(), template.body());
    }

    private static String readable(byte[] raw) {
        String text = new String(raw, 0, Math.min(raw.length, 100_000), java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
    }
}
