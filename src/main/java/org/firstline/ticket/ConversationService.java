package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.requiredInstant;
import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.firstline.directory.ContactService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A ticket's conversation: public replies and internal notes, with their attachments. */
@Service
public class ConversationService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final TicketChanges changes;
    private final ContactService contacts;

    ConversationService(
            JdbcClient jdbc, Clock clock, AuditStamp audit, TicketChanges changes, ContactService contacts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
        this.contacts = contacts;
    }

    public List<MessageView> messages(long ticketId) {
        Map<Long, List<AttachmentView>> attachments =
                jdbc.sql("""
                select id, ticket_id, message_id, filename, content_type, size_bytes, sha256, created_at
                from attachment where ticket_id = ? order by id""").param(ticketId).query(AttachmentService::attachment).list().stream()
                        .filter(a -> a.messageId() != null)
                        .collect(Collectors.groupingBy(AttachmentView::messageId));
        return jdbc.sql("""
                select m.*, coalesce(a.display_name, c.name) as author_name
                from message m
                left join agent a on a.id = m.author_agent_id
                left join contact c on c.id = m.author_contact_id
                where m.ticket_id = ? order by m.created_at, m.id""")
                .param(ticketId)
                .query((rs, n) -> message(rs, attachments))
                .list();
    }

    /** The text of one message, for those who need just that (mailing a reply) and not the whole conversation. */
    public String body(long messageId) {
        return jdbc.sql("select body from message where id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    /**
     * Adds a message. An agent's first public reply opens a new ticket; a requester's message takes a ticket that waits
     * on the customer back to open, and reopens a resolved one with its team and owner (only the requester's
     * confirmation closes it). Closed tickets take no more messages.
     */
    @Transactional
    public MessageView post(long ticketId, MessageForm form, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        TicketView ticket = changes.lock(ticketId);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + ticket.number() + " is closed; open a follow-up ticket instead.");
        }
        MessageKind kind = form.kind() == null ? MessageKind.PUBLIC : form.kind();
        Long contactId = null;
        String authorName = actor.displayName();
        if (form.fromRequester() != null) {
            if (kind == MessageKind.NOTE) {
                throw new InvalidRequestException("kind", "a requester's message cannot be an internal note");
            }
            var contact = contacts.findOrCreate(form.fromRequester(), null);
            contactId = contact.id();
            authorName = contact.name();
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into message (ticket_id, kind, author_agent_id, author_contact_id, body, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        ticketId,
                        kind.name(),
                        contactId == null ? actor.id() : null,
                        contactId,
                        form.body(),
                        timestamp(now))
                .query(Long.class)
                .single();
        // the message's effect on the status (off waiting on the customer, out of resolved, a first answer) comes with
        // it
        if (contactId != null) {
            changes.apply(ticket, new TicketStateMachine.RequesterWrote());
        } else if (kind == MessageKind.PUBLIC) {
            changes.apply(ticket, new TicketStateMachine.AgentReplied());
        } else {
            jdbc.sql("update ticket set updated_at = ? where id = ?")
                    .params(timestamp(now), ticketId)
                    .update();
        }
        changes.publishMessage(new MessagePosted(ticketId, id, kind, contactId == null));
        return new MessageView(
                id,
                ticketId,
                kind,
                contactId == null ? actor.id() : null,
                contactId,
                authorName,
                form.body(),
                now,
                List.of());
    }

    private static MessageView message(ResultSet rs, Map<Long, List<AttachmentView>> attachments) throws SQLException {
        long id = rs.getLong("id");
        return new MessageView(
                id,
                rs.getLong("ticket_id"),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getObject("author_agent_id", Long.class),
                rs.getObject("author_contact_id", Long.class),
                rs.getString("author_name"),
                rs.getString("body"),
                requiredInstant(rs, "created_at"),
                attachments.getOrDefault(id, List.of()));
    }
}
