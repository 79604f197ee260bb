package org.firstline.ticket;

import static org.firstline.ticket.internal.TicketRows.requiredInstant;
import static org.firstline.ticket.internal.TicketRows.timestamp;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links between tickets and to external issues; merging a duplicate into the ticket it duplicates. */
@Service
public class LinkService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;
    private final TicketChanges changes;

    LinkService(JdbcClient jdbc, Clock clock, AuditStamp audit, TicketChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
    }

    /**
     * Links from this ticket and links to it from others, so both sides see a relation; a ticket merged into this one
     * shows as merged from, not as related.
     */
    public List<LinkView> links(long ticketId) {
        return jdbc.sql("""
                select l.id, l.ticket_id, l.kind, l.target_ticket_id, t.number as target_number, l.url, l.created_at
                from ticket_link l left join ticket t on t.id = l.target_ticket_id
                where l.ticket_id = :id
                union all
                select l.id, l.target_ticket_id, case l.kind when 'DUPLICATE_OF' then 'RELATED' else l.kind end,
                       l.ticket_id, s.number, null, l.created_at
                from ticket_link l join ticket s on s.id = l.ticket_id
                where l.target_ticket_id = :id and l.kind <> 'MERGED_FROM'
                  and not exists (select 1 from ticket_link m
                                  where m.ticket_id = :id and m.kind = 'MERGED_FROM' and m.target_ticket_id = l.ticket_id)
                order by created_at, id""").param("id", ticketId).query(LinkService::link).list();
    }

    @Transactional
    public LinkView add(long ticketId, LinkForm form, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        TicketView ticket = changes.lock(ticketId);
        Instant now = clock.instant();
        Long target = null;
        String url = null;
        if (form.kind() == LinkKind.MERGED_FROM) {
            throw new InvalidRequestException(
                    "kind", "MERGED_FROM is made by merging: link the other ticket as DUPLICATE_OF with merge");
        }
        if (form.kind() == LinkKind.EXTERNAL_ISSUE) {
            url = checkedUrl(form.url());
        } else {
            if (form.ticketId() == null) {
                throw new InvalidRequestException("ticketId", "is required for a " + form.kind() + " link");
            }
            if (form.ticketId() == ticketId) {
                throw new InvalidRequestException("ticketId", "a ticket cannot link to itself");
            }
            target = form.ticketId();
            if (jdbc.sql("select count(*) from ticket where id = ?")
                            .param(target)
                            .query(Integer.class)
                            .single()
                    == 0) {
                throw new InvalidRequestException("ticketId", "no ticket with id " + target);
            }
        }
        long id;
        try {
            id = jdbc.sql(
                            "insert into ticket_link (ticket_id, kind, target_ticket_id, url, created_at) values (?, ?, ?, ?, ?) returning id")
                    .params(ticketId, form.kind().name(), target, url, timestamp(now))
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("This link already exists.");
        }
        if (form.kind() == LinkKind.DUPLICATE_OF && Boolean.TRUE.equals(form.merge())) {
            merge(ticket, Objects.requireNonNull(target, "a duplicate link has a target ticket"), actor, now);
        }
        return links(ticketId).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public void remove(long ticketId, long linkId, AgentPrincipal actor) {
        TicketService.requireWriter(actor);
        audit.stamp(actor.auditName());
        int removed = jdbc.sql("delete from ticket_link where id = ? and ticket_id = ?")
                .params(linkId, ticketId)
                .update();
        if (removed == 0) {
            throw new NotFoundException("Ticket " + ticketId + " has no link " + linkId + ".");
        }
    }

    /**
     * The duplicate's conversation is copied to the surviving ticket as notes, its requester becomes a watcher there, and
     * the survivor links back to it as merged from; the duplicate is closed, not deleted.
     */
    private void merge(TicketView duplicate, long survivorId, AgentPrincipal actor, Instant now) {
        TicketView survivor = changes.lock(survivorId);
        if (survivor.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + survivor.number() + " is closed; merge into an open ticket.");
        }
        if (duplicate.status() == TicketStatus.CLOSED) {
            throw new ConflictException("Ticket #" + duplicate.number() + " is already closed.");
        }
        jdbc.sql("""
                insert into message (ticket_id, kind, author_agent_id, body, created_at)
                select :survivor, 'NOTE', :agent,
                       'Merged from #' || :number || ' (' || coalesce(a.display_name, c.name) || ', ' ||
                       to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC):' || E'\\n\\n' || m.body,
                       :now
                from message m left join agent a on a.id = m.author_agent_id left join contact c on c.id = m.author_contact_id
                where m.ticket_id = :duplicate order by m.created_at, m.id""")
                .param("survivor", survivorId)
                .param("agent", actor.id())
                .param("number", duplicate.number())
                .param("duplicate", duplicate.id())
                .param("now", timestamp(now))
                .update();
        jdbc.sql("""
                insert into message (ticket_id, kind, author_agent_id, body, created_at)
                values (?, 'NOTE', ?, ?, ?)""")
                .params(duplicate.id(), actor.id(), "Merged into #" + survivor.number() + ".", timestamp(now))
                .update();
        // the duplicate's requester hears what happens next, on the ticket that goes on (their first address, as mail
        // uses)
        jdbc.sql("""
                insert into ticket_watcher (ticket_id, email)
                select :survivor, min(e.email) from contact_email e where e.contact_id = :requester and :requester <> :survivorRequester
                having min(e.email) is not null
                on conflict do nothing""")
                .param("survivor", survivorId)
                .param("requester", duplicate.requesterId())
                .param("survivorRequester", survivor.requesterId())
                .update();
        jdbc.sql("""
                insert into ticket_link (ticket_id, kind, target_ticket_id, created_at) values (?, 'MERGED_FROM', ?, ?)
                on conflict do nothing""").params(survivorId, duplicate.id(), timestamp(now)).update();
        changes.apply(duplicate, new TicketStateMachine.CloseAsDuplicate());
    }

    private static String checkedUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("url", "is required for an EXTERNAL_ISSUE link");
        }
        try {
            URI uri = new URI(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidRequestException("url", "must be an http(s) URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("url", "is not a valid URL");
        }
    }

    private static LinkView link(ResultSet rs, int n) throws SQLException {
        return new LinkView(
                rs.getLong("id"),
                rs.getLong("ticket_id"),
                LinkKind.valueOf(rs.getString("kind")),
                rs.getObject("target_ticket_id", Long.class),
                rs.getObject("target_number", Long.class),
                rs.getString("url"),
                requiredInstant(rs, "created_at"));
    }
}
