package org.firstline.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.firstline.directory.ContactService;

/**
 * The database work of one API ticket creation, without the HTTP server or Spring in between: the same statements
 * the request runs (token and agent lookup, audit stamp, requester lookup, the ticket insert returning the ticket, the
 * message insert, with their audit and search triggers), as one transaction, from plain JDBC. Its rate is the ceiling the HTTP path is compared with.
 */
final class OwnSqlRate {
    private OwnSqlRate() {}

    static double ticketCreations(String jdbcUrl, String tokenHash, int clients, Duration duration) throws Exception {
        return ClosedLoop.rate(clients, duration, (client, running, done) -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                c.setAutoCommit(false);
                var token = c.prepareStatement("""
                            select t.id as token_id, a.* from api_token t join agent a on a.id = t.agent_id
                            where t.token_hash = ? and t.revoked_at is null""");
                var stamp = c.prepareStatement(
                        "select set_config('firstline.actor', ?, true), set_config('firstline.now', ?, true)");
                var contact = c.prepareStatement(ContactService.BY_EMAIL);
                var ticket = c.prepareStatement("""
                            insert into ticket (subject, requester_id, organization_id, service_id, channel, type, priority, impact, status,
                                                pending_reason, team_id, owner_id, funded, funding_reference, internal, created_at, updated_at,
                                                resolved_at, closed_at)
                            values (?, ?, ?, null, 'API', 'QUESTION', 'NORMAL', 'NONE', 'NEW', null, null, null, false, null, false, ?, ?, null, null)
                            returning *, '{}'::text[] as label_names, '{}'::text[] as cc_emails""");
                var message = c.prepareStatement(
                        "insert into message (ticket_id, kind, author_contact_id, body, created_at) values (?, 'PUBLIC', ?, ?, ?)");
                int i = 0;
                while (running.getAsBoolean()) {
                    i++;
                    token.setString(1, tokenHash);
                    consume(token);
                    Timestamp now = Timestamp.from(Instant.now());
                    stamp.setString(1, "agent:bench");
                    stamp.setString(2, now.toInstant().toString());
                    consume(stamp);
                    String email = "user" + ((client * 7919 + i) % BulkLoader.CONTACTS + 1) + "@org"
                            + (((client * 7919 + i) % BulkLoader.CONTACTS) % BulkLoader.ORGANIZATIONS + 1) + ".example";
                    contact.setString(1, email);
                    long contactId;
                    long organizationId;
                    try (var rs = contact.executeQuery()) {
                        rs.next();
                        contactId = rs.getLong(1);
                        organizationId = Long.parseLong(
                                ((String[]) rs.getArray("memberships").getArray())[0].split(":")[0]);
                    }
                    ticket.setString(1, "Benchmark ticket " + i);
                    ticket.setLong(2, contactId);
                    ticket.setLong(3, organizationId);
                    ticket.setTimestamp(4, now);
                    ticket.setTimestamp(5, now);
                    long id;
                    try (var rs = ticket.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    message.setLong(1, id);
                    message.setLong(2, contactId);
                    message.setString(3, "The hub returns a 502 after sign-in since this morning. " + i);
                    message.setTimestamp(4, now);
                    message.executeUpdate();
                    c.commit();
                    done.incrementAndGet();
                }
            }
        });
    }

    /** Raw single-row inserts, autocommit, into a table with no index and no trigger: the floor of a write. */
    static double rawInserts(String jdbcUrl, int clients, Duration duration) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement()
                    .execute("create table if not exists bench_raw (id bigint generated always as identity, v text)");
        }
        return ClosedLoop.rate(clients, duration, (client, running, done) -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                    PreparedStatement insert = c.prepareStatement("insert into bench_raw (v) values (?)")) {
                while (running.getAsBoolean()) {
                    insert.setString(1, "x");
                    insert.executeUpdate();
                    done.incrementAndGet();
                }
            }
        });
    }

    private static void consume(PreparedStatement statement) throws SQLException {
        try (var rs = statement.executeQuery()) {
            while (rs.next()) {
                rs.getObject(1);
            }
        }
    }
}
