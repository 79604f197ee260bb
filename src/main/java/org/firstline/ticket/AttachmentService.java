package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.requiredInstant;
import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attachments, stored in PostgreSQL with their type decided from their bytes. */
@Service
public class AttachmentService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final FirstlineSettings settings;
    private final TicketService tickets;

    AttachmentService(
            JdbcClient jdbc, Clock clock, AuditStamp audit, FirstlineSettings settings, TicketService tickets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.settings = settings;
        this.tickets = tickets;
    }

    @SuppressWarnings("ArrayRecordComponent") // file contents are passed along, never compared
    public record Content(AttachmentView attachment, byte[] bytes) {}

    @Transactional
    public AttachmentView add(
            long ticketId, @Nullable Long messageId, @Nullable String filename, byte[] content, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        tickets.get(ticketId);
        if (content.length == 0) {
            throw new InvalidRequestException("file", "is empty");
        }
        if (content.length > settings.attachmentMaxBytes()) {
            throw new InvalidRequestException(
                    "file",
                    "is " + content.length + " bytes; attachments may be at most " + settings.attachmentMaxBytes()
                            + " bytes");
        }
        if (messageId != null
                && jdbc.sql("select count(*) from message where id = ? and ticket_id = ?")
                                .params(messageId, ticketId)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw new InvalidRequestException("messageId", "no message " + messageId + " on this ticket");
        }
        audit.stamp(actor.auditName());
        long id = jdbc.sql("""
                insert into attachment (ticket_id, message_id, filename, content_type, size_bytes, sha256, content, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        ticketId,
                        messageId,
                        safeName(filename),
                        ContentTypeSniffer.sniff(content),
                        content.length,
                        sha256(content),
                        content,
                        timestamp(clock.instant()))
                .query(Long.class)
                .single();
        return get(id).attachment();
    }

    public List<AttachmentView> list(long ticketId) {
        return jdbc.sql("""
                select id, ticket_id, message_id, filename, content_type, size_bytes, sha256, created_at
                from attachment where ticket_id = ? order by id""")
                .param(ticketId)
                .query(AttachmentService::attachment)
                .list();
    }

    public Content get(long id) {
        return jdbc.sql("select * from attachment where id = ?")
                .param(id)
                .query((rs, n) -> new Content(attachment(rs, n), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Attachment " + id + " does not exist."));
    }

    /** Keeps the last path segment, drops control characters and quotes that could break a header. */
    static String safeName(@Nullable String filename) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "attachment" : name;
    }

    static AttachmentView attachment(ResultSet rs, int n) throws SQLException {
        return new AttachmentView(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                rs.getObject("message_id", Long.class),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                requiredInstant(rs, "created_at"));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
