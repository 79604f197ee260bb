package org.firstline.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * Fills the database with COPY: organizations, contacts, tickets and their messages, with realistic words for the
 * full-text index. Triggers (audit, foreign keys) are skipped for the load by running as a replication session.
 */
final class BulkLoader {
    static final int ORGANIZATIONS = 50;
    static final int CONTACTS = 20_000;
    private static final String[] STATUSES = {
        "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "RESOLVED", "OPEN", "PENDING", "NEW"
    };
    private static final String[] TYPES = {"BUG", "QUESTION", "INCIDENT", "CHANGE_REQUEST", "GUIDANCE_REQUEST"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "NORMAL", "HIGH", "CRITICAL"};

    private final Connection connection;
    private final Words words;
    private final Random random = new Random(42);

    BulkLoader(Connection connection, Words words) {
        this.connection = connection;
        this.words = words;
    }

    void load(int tickets, int messagesPerTicket, long agentId) throws SQLException, IOException {
        try (var st = connection.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("drop index if exists ticket_search_document_index");
        }
        var copy = ((PGConnection) connection).getCopyAPI();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        copy.copyIn(
                "copy organization (id, name, domains, created_at) from stdin",
                rows(
                        ORGANIZATIONS,
                        (i, sb) -> sb.append(i + 1)
                                .append('\t')
                                .append("Org ")
                                .append(i + 1)
                                .append('\t')
                                .append("{org")
                                .append(i + 1)
                                .append(".example}")
                                .append('\t')
                                .append(now)
                                .append('\n')));
        copy.copyIn(
                "copy contact (id, name, created_at) from stdin",
                rows(
                        CONTACTS,
                        (i, sb) -> sb.append(i + 1)
                                .append('\t')
                                .append("Contact ")
                                .append(i + 1)
                                .append('\t')
                                .append(now)
                                .append('\n')));
        copy.copyIn(
                "copy contact_email (email, contact_id) from stdin",
                rows(
                        CONTACTS,
                        (i, sb) -> sb.append("user")
                                .append(i + 1)
                                .append("@org")
                                .append(i % ORGANIZATIONS + 1)
                                .append(".example\t")
                                .append(i + 1)
                                .append('\n')));
        copy.copyIn(
                "copy contact_organization (contact_id, organization_id) from stdin",
                rows(
                        CONTACTS,
                        (i, sb) -> sb.append(i + 1)
                                .append('\t')
                                .append(i % ORGANIZATIONS + 1)
                                .append('\n')));
        long spanSeconds = 3L * 365 * 24 * 3600;
        copy.copyIn("""
                copy ticket (id, number, subject, requester_id, organization_id, channel, type, priority, impact, status, pending_reason,
                             created_at, updated_at) from stdin""", rows(tickets, (i, sb) -> {
            int contact = random.nextInt(CONTACTS);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            Instant created = now.minusSeconds(spanSeconds - (spanSeconds * i / tickets));
            sb.append(i + 1)
                    .append('\t')
                    .append(1000 + i + 1)
                    .append('\t')
                    .append(words.sentence(random, 6))
                    .append('\t')
                    .append(contact + 1)
                    .append('\t')
                    .append(contact % ORGANIZATIONS + 1)
                    .append("\tEMAIL\t")
                    .append(TYPES[random.nextInt(TYPES.length)])
                    .append('\t')
                    .append(PRIORITIES[random.nextInt(PRIORITIES.length)])
                    .append("\tMINOR\t")
                    .append(status)
                    .append('\t')
                    .append(status.equals("PENDING") ? "CUSTOMER" : "\\N")
                    .append('\t')
                    .append(created)
                    .append('\t')
                    .append(created)
                    .append('\n');
        }));
        long total = (long) tickets * messagesPerTicket;
        copy.copyIn(
                "copy message (ticket_id, kind, author_agent_id, author_contact_id, body, created_at) from stdin",
                rows(total, (i, sb) -> {
                    long ticket = i / messagesPerTicket + 1;
                    boolean agent = i % messagesPerTicket == 1;
                    Instant at = now.minusSeconds(spanSeconds - (spanSeconds * (ticket - 1) / tickets))
                            .plusSeconds(60L * (i % messagesPerTicket));
                    sb.append(ticket)
                            .append('\t')
                            .append(agent ? "PUBLIC" : "PUBLIC")
                            .append('\t')
                            .append(agent ? String.valueOf(agentId) : "\\N")
                            .append('\t')
                            .append(agent ? "\\N" : String.valueOf(random.nextInt(CONTACTS) + 1))
                            .append('\t')
                            .append(words.sentence(random, 25 + random.nextInt(40)))
                            .append('\t')
                            .append(at)
                            .append('\n');
                }));
        try (var st = connection.createStatement()) {
            // the triggers that keep each ticket's search document are off during COPY: build the documents in one pass
            st.execute("""
                    insert into ticket_search (ticket_id, created_at, document)
                    select t.id, t.created_at, setweight(to_tsvector('english', t.subject), 'A') || coalesce(m.document, ''::tsvector)
                    from ticket t left join (select ticket_id, to_tsvector('english', string_agg(body, ' ' order by id)) as document
                                             from message group by ticket_id) m on m.ticket_id = t.id""");
            st.execute("create index ticket_search_document_index on ticket_search using gin (document)");
            for (String table : new String[] {"organization", "contact", "ticket", "message"}) {
                st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
                        + "))");
            }
            st.execute("select setval('ticket_number_seq', (select max(number) from ticket))");
            st.execute("set session_replication_role = origin");
            st.execute("vacuum analyze");
        }
    }

    interface Row {
        void write(long index, StringBuilder sb);
    }

    /** Streams rows to COPY in chunks, so a million rows never sit in memory at once. */
    private static Reader rows(long count, Row row) {
        return new Reader() {
            private long next;
            private StringReader chunk = new StringReader("");

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = chunk.read(buffer, offset, length);
                while (n <= 0) {
                    if (next >= count) {
                        return -1;
                    }
                    var sb = new StringBuilder(1 << 16);
                    for (int i = 0; i < 2000 && next < count; i++) {
                        row.write(next++, sb);
                    }
                    chunk = new StringReader(sb.toString());
                    n = chunk.read(buffer, offset, length);
                }
                return n;
            }

            @Override
            public void close() {}
        };
    }
}
