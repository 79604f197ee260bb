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
 * The database work of one API ticket creation, without the HTTP server or Spring in between: every statement the
 * request runs, as {@code pg_stat_statements} lists them for it ({@code bench/run --suite surge} prints that list) —
 * token and agent lookup, audit stamps, requester and organization lookups, the ticket insert returning the ticket,
 * the message insert (with their audit and search triggers, the search document written at commit), the live-update
 * NOTIFYs, the webhook lookup, the service-level facts, public activity and the three clocks — as one transaction,
 * then the suggestions computed after commit (their facts, priority factors and the suggestion row), from plain
 * JDBC. Its rate is the ceiling the HTTP path is compared with.
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
                var organization = c.prepareStatement("select * from organization where id = ?");
                var ticket = c.prepareStatement("""
                            insert into ticket (subject, requester_id, organization_id, service_id, channel, type, priority, impact, status,
                                                pending_reason, team_id, owner_id, funded, funding_reference, internal, created_at, updated_at,
                                                resolved_at, closed_at)
                            values (?, ?, ?, null, 'API', 'QUESTION', 'NORMAL', 'NONE', 'NEW', null, null, null, false, null, false, ?, ?, null, null)
                            returning *, '{}'::text[] as label_names, '{}'::text[] as cc_emails, impact_is_critical(impact) as critical""");
                var message = c.prepareStatement(
                        "insert into message (ticket_id, kind, author_contact_id, body, created_at) values (?, 'PUBLIC', ?, ?, ?)");
                var notify = c.prepareStatement("select pg_notify(?, ?)");
                var webhooks =
                        c.prepareStatement("select id from webhook_subscription where active and ? = any(events)");
                var slaFacts = c.prepareStatement("""
                            select t.id, t.priority, t.status, t.pending_reason, t.created_at, o.plan_id, coalesce(p.around_the_clock, false) as around,
                                   impact_is_critical(t.impact) as critical
                            from ticket t left join organization o on o.id = t.organization_id left join support_plan p on p.id = o.plan_id
                            where t.id = ?""");
                var activity = c.prepareStatement("""
                            insert into ticket_public_activity (ticket_id, last_public_at) values (?, ?)
                            on conflict (ticket_id) do update set last_public_at = greatest(ticket_public_activity.last_public_at, excluded.last_public_at)""");
                var clocks = c.prepareStatement("""
                            insert into ticket_sla (ticket_id, target, cycle, policy_id, calendar_id, amount, unit, started_at, due_at, warn_at, next_fire_at)
                            select v.ticket_id, v.target,
                                   coalesce((select max(s.cycle) from ticket_sla s where s.ticket_id = v.ticket_id and s.target = v.target), 0) + 1,
                                   v.policy_id, v.calendar_id, v.amount, v.unit, v.started_at, v.due_at, v.warn_at, v.next_fire_at
                            from (values (?::bigint, 'ACKNOWLEDGEMENT', ?::bigint, ?::bigint, 1, 'WORKING_DAYS', ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz),
                                         (?::bigint, 'FIRST_RESPONSE', ?::bigint, ?::bigint, 1, 'WORKING_DAYS', ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz),
                                         (?::bigint, 'RESOLUTION', ?::bigint, ?::bigint, 10, 'WORKING_DAYS', ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz))
                                 as v (ticket_id, target, policy_id, calendar_id, amount, unit, started_at, due_at, warn_at, next_fire_at)""");
                var suggestionFacts = c.prepareStatement("""
                            select t.id, t.subject, t.type, t.priority, t.impact, t.team_id, t.organization_id, o.name as organization_name,
                                   t.service_id, s.name as service_name, p.name as plan_name, coalesce(p.around_the_clock, false) as around_the_clock,
                                   t.updated_at,
                                   coalesce((select m.body from message m where m.ticket_id = t.id order by m.id limit 1), '') as body,
                                   (select max(m.created_at) from message m where m.ticket_id = t.id) as last_message_at,
                                   array(select l.name from ticket_label tl join label l on l.id = tl.label_id where tl.ticket_id = t.id) as labels
                            from ticket t
                            left join organization o on o.id = t.organization_id
                            left join service s on s.id = t.service_id
                            left join support_plan p on p.id = o.plan_id
                            where t.id = ?""");
                var factors = c.prepareStatement("""
                            select f.workaround, f.blocks_priority_work, f.aligned_with_goals, f.aligned_with_upstream, f.issue_reactions,
                                   f.priority_checked_at, c.tickets, c.organizations
                            from (select count(distinct other.ticket_id) as tickets, count(distinct t.organization_id) as organizations
                                  from ticket_link mine
                                  join ticket_link other on other.kind = 'EXTERNAL_ISSUE' and other.url = mine.url
                                  join ticket t on t.id = other.ticket_id
                                  where mine.ticket_id = ? and mine.kind = 'EXTERNAL_ISSUE') c
                            left join ticket_priority_factors f on f.ticket_id = ?""");
                var suggestion = c.prepareStatement("""
                            insert into ticket_suggestion (ticket_id, team_id, team_score, matched_words, assignee_id, assignee_reason, priority,
                                                           similar_ids, computed_at)
                            values (?, null, 0, '{}', null, '', 'NORMAL', '{}', ?)
                            on conflict (ticket_id) do update set team_id = excluded.team_id, team_score = excluded.team_score,
                                matched_words = excluded.matched_words, assignee_id = excluded.assignee_id,
                                assignee_reason = excluded.assignee_reason, priority = excluded.priority, similar_ids = excluded.similar_ids,
                                computed_at = excluded.computed_at""");
                long[] policy = policyAndCalendar(c);
                int i = 0;
                while (running.getAsBoolean()) {
                    i++;
                    token.setString(1, tokenHash);
                    consume(token);
                    Timestamp now = Timestamp.from(Instant.now());
                    for (int s = 0; s < 2; s++) { // the service stamps, then the contact lookup stamps again
                        stamp.setString(1, "agent:bench");
                        stamp.setString(2, now.toInstant().toString());
                        consume(stamp);
                    }
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
                    organization.setLong(1, organizationId);
                    consume(organization);
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
                    notify.setString(1, "firstline_live");
                    notify.setString(2, "ticket:" + id);
                    consume(notify);
                    webhooks.setString(1, "TICKET_OPENED");
                    consume(webhooks);
                    slaFacts.setLong(1, id);
                    consume(slaFacts);
                    activity.setLong(1, id);
                    activity.setTimestamp(2, now);
                    activity.executeUpdate();
                    Timestamp due = Timestamp.from(now.toInstant().plus(Duration.ofDays(1)));
                    for (int row = 0; row < 3; row++) {
                        clocks.setLong(row * 7 + 1, id);
                        clocks.setLong(row * 7 + 2, policy[0]);
                        clocks.setLong(row * 7 + 3, policy[1]);
                        clocks.setTimestamp(row * 7 + 4, now);
                        clocks.setTimestamp(row * 7 + 5, due);
                        clocks.setTimestamp(row * 7 + 6, due);
                        clocks.setTimestamp(row * 7 + 7, due);
                    }
                    clocks.executeUpdate();
                    notify.setString(2, "message:" + id);
                    consume(notify);
                    c.commit();
                    suggestionFacts.setLong(1, id);
                    consume(suggestionFacts);
                    factors.setLong(1, id);
                    factors.setLong(2, id);
                    consume(factors);
                    suggestion.setLong(1, id);
                    suggestion.setTimestamp(2, now);
                    suggestion.executeUpdate();
                    c.commit();
                    done.incrementAndGet();
                }
            }
        });
    }

    private static long[] policyAndCalendar(Connection c) throws SQLException {
        try (var rs = c.createStatement()
                .executeQuery("select id, calendar_id from sla_policy where plan_id is null order by id limit 1")) {
            rs.next();
            long[] ids = {rs.getLong(1), rs.getLong(2)};
            c.commit();
            return ids;
        }
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
