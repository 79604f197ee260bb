package org.firstline.portal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MarkdownRenderer;
import org.firstline.platform.NotFoundException;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which tickets a customer sees: those they asked for, and every ticket of the
 * organizations they represent; never an internal ticket. Everything else the portal reads about a ticket starts from
 * a ticket this class returned; what it shows of one is only the public conversation and its files.
 */
@Component
public class CustomerTickets {
    /** The condition on ticket {@code t} for the customer in {@code :contact} representing {@code :represented}. */
    static final String VISIBLE =
            "not t.internal and (t.requester_id = :contact or t.organization_id = any(:represented))";

    public static final int PAGE_SIZE = 25;
    static final int MAX_PAGE = 400;

    public enum Show {
        OPEN,
        CLOSED,
        ALL
    }

    /** A line of the ticket list. */
    public record Row(
            long number,
            String subject,
            CustomerStatus status,
            @Nullable String organization,
            String requester,
            Instant createdAt,
            Instant updatedAt) {}

    public record Page(List<Row> rows, int page, boolean hasNext) {}

    /** A ticket as its customer sees it. */
    public record Ticket(
            long id,
            long number,
            String subject,
            CustomerStatus status,
            @Nullable Long organizationId,
            @Nullable String organization,
            String requester,
            boolean asked,
            Instant createdAt,
            Instant updatedAt,
            @Nullable Instant resolvedAt,
            @Nullable String resolution,
            @Nullable String resolutionLink) {

        public boolean awaitsConfirmation() {
            return status == CustomerStatus.RESOLVED;
        }

        public boolean closed() {
            return status == CustomerStatus.CLOSED;
        }
    }

    /**
     * A public message, by whom (a name only), with its files; support's replies also as sanitized HTML (their
     * Markdown links, e.g. to an article, are links), a customer's shown as the text they wrote.
     */
    public record Message(
            long id,
            String author,
            boolean fromCustomer,
            String body,
            @Nullable String html,
            Instant createdAt,
            List<File> files) {}

    public record File(long id, String filename, String contentType, long sizeBytes) {}

    private final JdbcClient jdbc;
    private final MarkdownRenderer markdown;

    CustomerTickets(JdbcClient jdbc, MarkdownRenderer markdown) {
        this.jdbc = jdbc;
        this.markdown = markdown;
    }

    public Page list(Customer customer, Show show, @Nullable Long organizationId, int page) {
        if (page < 1 || page > MAX_PAGE) throw new InvalidRequestException("page", "must be 1 to " + MAX_PAGE);
        if (organizationId != null && customer.organizations().stream().noneMatch(o -> o.id() == organizationId)) {
            throw new NotFoundException("No such organization.");
        }
        String status = switch (show) {
            case OPEN -> " and t.status <> 'CLOSED'";
            case CLOSED -> " and t.status = 'CLOSED'";
            case ALL -> "";
        };
        // the newest of each door (their own tickets, their represented organizations'), each read in index order and
        // stopped after the page: a representative's ten thousand tickets are never sorted for one page; both doors
        // apply the one condition, VISIBLE, again on the outside
        String filter = status + (organizationId == null ? "" : " and t.organization_id = :organization");
        var rows = jdbc.sql("""
                        select t.number, t.subject, t.status, t.pending_reason, t.created_at, t.updated_at,
                               o.name as organization, c.name as requester
                        from ticket t join contact c on c.id = t.requester_id
                        left join organization o on o.id = t.organization_id
                        where %2$s and t.id in (
                            (select t.id from ticket t where t.requester_id = :contact and not t.internal%1$s
                             order by t.created_at desc, t.id desc limit :reach)
                            union all
                            (select t.id from ticket t
                             where t.organization_id = any(:represented) and not t.internal%1$s
                             order by t.created_at desc, t.id desc limit :reach))
                        order by t.created_at desc, t.id desc
                        limit :limit offset :offset""".formatted(filter, VISIBLE))
                .params(scope(customer))
                .param("organization", organizationId)
                .param("reach", page * PAGE_SIZE + 1)
                .param("limit", PAGE_SIZE + 1)
                .param("offset", (page - 1) * PAGE_SIZE)
                .query((rs, n) -> new Row(
                        rs.getLong("number"),
                        rs.getString("subject"),
                        status(rs),
                        rs.getString("organization"),
                        rs.getString("requester"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, page, more);
    }

    /** The ticket, when the customer may see it; else the same "not found" as a number nobody has. */
    public Ticket get(Customer customer, long number) {
        return jdbc.sql("""
                        select t.id, t.number, t.subject, t.status, t.pending_reason, t.organization_id, t.requester_id,
                               t.created_at, t.updated_at, t.resolved_at, t.resolution, t.resolution_link,
                               o.name as organization, c.name as requester
                        from ticket t join contact c on c.id = t.requester_id
                        left join organization o on o.id = t.organization_id
                        where t.number = :number and %s""".formatted(VISIBLE))
                .params(scope(customer))
                .param("number", number)
                .query((rs, n) -> new Ticket(
                        rs.getLong("id"),
                        rs.getLong("number"),
                        rs.getString("subject"),
                        status(rs),
                        rs.getObject("organization_id", Long.class),
                        rs.getString("organization"),
                        rs.getString("requester"),
                        rs.getLong("requester_id") == customer.contactId(),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant(),
                        instant(rs.getTimestamp("resolved_at")),
                        rs.getString("resolution"),
                        rs.getString("resolution_link")))
                .optional()
                .orElseThrow(() -> new NotFoundException("No ticket #" + number + " of yours."));
    }

    /** The public messages, oldest first: never an internal note, and an agent only by the name they sign with. */
    public List<Message> conversation(Ticket ticket) {
        Map<Long, List<File>> files = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.message_id, a.filename, a.content_type, a.size_bytes
                        from attachment a join message m on m.id = a.message_id
                        where a.ticket_id = ? and m.kind = 'PUBLIC' order by a.id""")
                .param(ticket.id())
                .query((rs, n) -> {
                    files.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                            .add(new File(
                                    rs.getLong("id"),
                                    rs.getString("filename"),
                                    rs.getString("content_type"),
                                    rs.getLong("size_bytes")));
                    return null;
                })
                .list();
        return jdbc.sql("""
                        select m.id, m.body, m.created_at, m.author_contact_id, coalesce(ct.name, a.display_name) as author
                        from message m left join contact ct on ct.id = m.author_contact_id
                        left join agent a on a.id = m.author_agent_id
                        where m.ticket_id = ? and m.kind = 'PUBLIC' order by m.created_at, m.id""")
                .param(ticket.id())
                .query((rs, n) -> new Message(
                        rs.getLong("id"),
                        rs.getString("author"),
                        rs.getObject("author_contact_id") != null,
                        rs.getString("body"),
                        rs.getObject("author_contact_id") != null ? null : markdown.html(rs.getString("body")),
                        rs.getTimestamp("created_at").toInstant(),
                        files.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** A file of the ticket's public conversation; else not found. */
    public long file(Ticket ticket, long fileId) {
        return jdbc.sql("""
                        select a.id from attachment a join message m on m.id = a.message_id
                        where a.id = ? and a.ticket_id = ? and m.kind = 'PUBLIC'""")
                .params(fileId, ticket.id())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("No such file."));
    }

    /** Open tickets of the organization by customer status: what a representative's overview counts. */
    public Map<CustomerStatus, Long> openCounts(Customer customer, long organizationId) {
        if (!customer.represents(organizationId)) throw new NotFoundException("No such organization.");
        Map<CustomerStatus, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select t.status, t.pending_reason, count(*) as n from ticket t
                        where %s and t.organization_id = :organization and t.status <> 'CLOSED'
                        group by t.status, t.pending_reason""".formatted(VISIBLE))
                .params(scope(customer))
                .param("organization", organizationId)
                .query((rs, n) -> counts.merge(status(rs), rs.getLong("n"), Long::sum))
                .list();
        return counts;
    }

    private static Map<String, Object> scope(Customer customer) {
        return Map.of(
                "contact",
                customer.contactId(),
                "represented",
                customer.represented().toArray(Long[]::new));
    }

    private static CustomerStatus status(ResultSet rs) throws SQLException {
        String reason = rs.getString("pending_reason");
        return CustomerStatus.of(
                TicketStatus.valueOf(rs.getString("status")), reason == null ? null : PendingReason.valueOf(reason));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
