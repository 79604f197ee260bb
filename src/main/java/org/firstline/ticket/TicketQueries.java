package org.firstline.ticket;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.internal.TicketRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Ticket lists, newest first, paged by keyset (created_at, id) so that page 1,000 costs what page 1 costs.
 * Full text runs on one search document per ticket (subject and conversation). For a word most tickets contain,
 * walking tickets newest-first finds a page at once; for a rare one that walk passes most of the table, and collecting
 * the matches from the GIN index first is far cheaper. PostgreSQL's estimate of the matches picks the way.
 */
@Service
public class TicketQueries {
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*([0-9.]+)");

    private final JdbcClient jdbc;

    TicketQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TicketPage list(TicketFilter filter, @Nullable String cursor, int limit) {
        boolean rare = filter.q() != null
                && !filter.q().isBlank()
                && Where.number(filter.q()) == null
                && isRare(filter.q().strip());
        var where = new Where(filter, rare);
        String sql = rare
                // collect the few matches, newest first, and join tickets one by one until the page is full
                ? """
                  with matches as materialized (select ticket_id, created_at from ticket_search
                                                where document @@ websearch_to_tsquery('english', :q))
                  """ + TicketRows.COLUMNS + """
                  from (select * from matches order by created_at desc, ticket_id desc) m
                  cross join lateral (select * from ticket t""" + where.sql + """
                   and t.id = m.ticket_id) t
                  where true"""
                        + (cursor == null ? "" : " and (m.created_at, m.ticket_id) < (:cursorAt, :cursorId)")
                        + " order by m.created_at desc, m.ticket_id desc limit :limit"
                : TicketRows.SELECT + where.sql
                        + (cursor == null ? "" : " and (t.created_at, t.id) < (:cursorAt, :cursorId)")
                        + " order by t.created_at desc, t.id desc limit :limit";
        var spec = where.bind(jdbc.sql(sql)).param("limit", limit + 1);
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            spec = spec.param("cursorAt", Timestamp.from(c.createdAt())).param("cursorId", c.id());
        }
        List<TicketView> rows = spec.query(TicketRows::ticket).list();
        if (rows.size() <= limit) {
            return new TicketPage(rows, null);
        }
        List<TicketView> page = rows.subList(0, limit);
        TicketView last = page.get(page.size() - 1);
        return new TicketPage(List.copyOf(page), new Cursor(last.createdAt(), last.id()).encode());
    }

    public int count(TicketFilter filter) {
        var where = new Where(filter, false);
        return where.bind(jdbc.sql("select count(*) from ticket t" + where.sql))
                .query(Integer.class)
                .single();
    }

    /**
     * Whether so few tickets match that collecting them beats walking newest-first: fewer than about
     * sqrt(80 x tickets) matches (a walk visits about 50 x tickets / matches rows, collecting visits the matches).
     */
    private boolean isRare(String q) {
        String plan = jdbc.sql(
                        "explain (format json) select 1 from ticket_search where document @@ websearch_to_tsquery('english', ?)")
                .param(q)
                .query(String.class)
                .single();
        Matcher rows = PLAN_ROWS.matcher(plan);
        double tickets = jdbc.sql("select greatest(reltuples, 0) from pg_class where relname = 'ticket_search'")
                .query(Double.class)
                .single();
        return rows.find() && Double.parseDouble(rows.group(1)) < Math.max(1000, Math.sqrt(80 * tickets));
    }

    /** The conditions of a filter, as SQL with named parameters. */
    private static final class Where {
        final String sql;
        final TicketFilter filter;

        Where(TicketFilter f, boolean rareMatches) {
            this.filter = f;
            var sb = new StringBuilder(" where true");
            if (!f.statuses().isEmpty()) sb.append(" and t.status = any(:statuses)");
            if (f.noTeam()) sb.append(" and t.team_id is null");
            else if (!f.teamIds().isEmpty()) sb.append(" and t.team_id = any(:teams)");
            if (f.noOwner()) sb.append(" and t.owner_id is null");
            else if (f.ownerId() != null) sb.append(" and t.owner_id = :owner");
            if (f.organizationId() != null) sb.append(" and t.organization_id = :organization");
            if (f.requesterId() != null) sb.append(" and t.requester_id = :requester");
            if (f.type() != null) sb.append(" and t.type = :type");
            if (f.priority() != null) sb.append(" and t.priority = :priority");
            if (f.pendingReason() != null) sb.append(" and t.pending_reason = :pendingReason");
            if (f.label() != null) {
                sb.append(" and exists (select 1 from ticket_label tl join label l on l.id = tl.label_id"
                        + " where tl.ticket_id = t.id and l.name = :label)");
            }
            if (f.awaitingReply()) {
                sb.append(" " + """
                         and t.status in ('NEW', 'OPEN') and (select m.author_contact_id is not null from message m
                               where m.ticket_id = t.id and m.kind = 'PUBLIC' order by m.created_at desc, m.id desc limit 1)""");
            }
            if (number(f.q()) != null) {
                sb.append(" and t.number = :number");
            } else if (f.q() != null && !f.q().isBlank()) {
                if (!rareMatches) {
                    sb.append(
                            " and t.id in (select s.ticket_id from ticket_search s where s.document @@ websearch_to_tsquery('english', :q))");
                }
            }
            this.sql = sb.toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            var f = filter;
            if (!f.statuses().isEmpty()) {
                spec = spec.param(
                        "statuses", f.statuses().stream().map(Enum::name).toArray(String[]::new));
            }
            if (!f.noTeam() && !f.teamIds().isEmpty())
                spec = spec.param("teams", f.teamIds().toArray(Long[]::new));
            if (!f.noOwner() && f.ownerId() != null) spec = spec.param("owner", f.ownerId());
            if (f.organizationId() != null) spec = spec.param("organization", f.organizationId());
            if (f.requesterId() != null) spec = spec.param("requester", f.requesterId());
            if (f.type() != null) spec = spec.param("type", f.type().name());
            if (f.priority() != null) spec = spec.param("priority", f.priority().name());
            if (f.pendingReason() != null)
                spec = spec.param("pendingReason", f.pendingReason().name());
            if (f.label() != null) spec = spec.param("label", f.label());
            Long number = number(f.q());
            if (number != null) spec = spec.param("number", number);
            else if (f.q() != null && !f.q().isBlank()) spec = spec.param("q", f.q().strip());
            return spec;
        }

        static @Nullable Long number(@Nullable String q) {
            if (q == null) return null;
            String s = q.strip();
            if (s.startsWith("#")) s = s.substring(1);
            return s.matches("\\d{1,18}") ? Long.valueOf(s) : null;
        }
    }

    record Cursor(Instant createdAt, long id) {
        String encode() {
            String raw = createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
                return new Cursor(
                        Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Long.parseLong(parts[2]));
            } catch (RuntimeException e) {
                throw new InvalidRequestException("cursor", "is not a cursor this API returned");
            }
        }
    }
}
