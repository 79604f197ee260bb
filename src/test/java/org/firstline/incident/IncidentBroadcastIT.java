package org.firstline.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.firstline.support.ApiClient.map;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.firstline.incident.internal.NoticeQueue;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each public update reaches each linked requester once, on their newest linked ticket, and each subscriber once
 * (a subscriber who is a requester hears it as a requester), also when a node stops halfway through the queue.
 */
@Import(IncidentBroadcastIT.Audience.class)
class IncidentBroadcastIT extends ApiTest {
    static final List<UpdateAudience.Subscriber> SUBSCRIBERS = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The batch on which the queue's transaction fails once, as if its node stopped; 0 never. */
    static final AtomicInteger FAIL_AT_BATCH = new AtomicInteger();

    static final AtomicInteger BATCHES = new AtomicInteger();

    @TestConfiguration
    static class Audience {
        @Bean
        UpdateAudience testAudience() {
            return () -> List.copyOf(SUBSCRIBERS);
        }

        @Bean
        Crash crash() {
            return new Crash();
        }
    }

    static class Crash {
        @EventListener
        @Order
        void on(IncidentNoticesDue due) {
            if (BATCHES.incrementAndGet() == FAIL_AT_BATCH.get()) {
                throw new IllegalStateException("node stopped halfway");
            }
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeQueue queue;

    @Test
    void oneMailPerRequesterAndSubscriberPerUpdateOnTheNewestTicketEvenAfterACrash() throws Exception {
        String p = unique("bc");
        Map<String, Long> newest = tickets(p, 700, 1000);
        SUBSCRIBERS.clear();
        for (int i = 0; i < 50; i++) {
            SUBSCRIBERS.add(new UpdateAudience.Subscriber(p + "-s" + i + "@subscribers.test", "http://u/" + i));
        }
        // a subscriber who is also a requester, written differently
        SUBSCRIBERS.add(new UpdateAudience.Subscriber((p + "-r7@requesters.test").toUpperCase(), "http://u/r7"));
        var agent = api(AgentRole.AGENT);
        String title = unique("Uploads fail");
        long id = agent.post("/api/v1/incidents", map("title", title))
                .json()
                .get("id")
                .asLong();
        var linked =
                agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", new ArrayList<>(newestAll(p))));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.json().get("linked").asInt()).isEqualTo(1000);

        var posted = agent.post(
                "/api/v1/incidents/" + id + "/updates", map("body", "We are **on it**.", "status", "IDENTIFIED"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("notices").asInt()).isEqualTo(750);

        BATCHES.set(0);
        FAIL_AT_BATCH.set(2);
        assertThatThrownBy(() -> queue.drain()).hasMessageContaining("node stopped halfway");
        assertThat(mails(title)).hasSize(NoticeQueue.BATCH);

        // two nodes resume at once
        FAIL_AT_BATCH.set(0);
        var a = CompletableFuture.supplyAsync(queue::drain);
        var b = CompletableFuture.supplyAsync(queue::drain);
        a.get();
        b.get();
        List<Map<String, Object>> sent = mails(title);
        assertThat(sent).hasSize(750);
        assertThat(sent.stream().map(m -> m.get("address")).distinct().count()).isEqualTo(750);
        for (var mail : sent) {
            String address = (String) mail.get("address");
            if (address.contains("@requesters.test")) {
                assertThat(mail.get("ticket_id")).as(address).isEqualTo(newest.get(address));
                assertThat((String) mail.get("subject")).startsWith("[#");
            } else {
                assertThat(mail.get("ticket_id")).isNull();
                assertThat((String) mail.get("body")).contains("Unsubscribe: http://u/");
            }
        }
        assertThat((String) sent.getFirst().get("body"))
                .contains("We are on it.")
                .doesNotContain("**");

        // the next update: once more each, not again the first
        assertThat(agent.post("/api/v1/incidents/" + id + "/updates", map("body", "Fix deploying"))
                        .json()
                        .get("notices")
                        .asInt())
                .isEqualTo(750);
        queue.drain();
        assertThat(mails(title)).hasSize(1500);
        assertThat(queue.drain()).isZero();
    }

    @Test
    void resolvingWithTheTicketsMailsEachOfTheirRequestersTheResolutionInsteadOfTheUpdate() {
        String p = unique("rs");
        tickets(p, 2, 3);
        SUBSCRIBERS.clear();
        SUBSCRIBERS.add(new UpdateAudience.Subscriber(p + "-sub@subscribers.test", "http://u/x"));
        var agent = api(AgentRole.AGENT);
        String title = unique("Search down");
        long id = agent.post("/api/v1/incidents", map("title", title))
                .json()
                .get("id")
                .asLong();
        agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", new ArrayList<>(newestAll(p))));
        var resolved = agent.post(
                "/api/v1/incidents/" + id + "/updates",
                map("status", "RESOLVED", "body", "Search is back.", "resolveTickets", true));
        assertThat(resolved.status()).isEqualTo(201);
        assertThat(resolved.json().get("ticketsResolved").asInt()).isEqualTo(3);
        assertThat(resolved.json().get("notices").asInt())
                .as("only the subscriber")
                .isEqualTo(1);
        queue.drain();
        assertThat(mails(title)).extracting(m -> m.get("address")).containsExactly(p + "-sub@subscribers.test");
        assertThat(jdbc.sql("""
                        select count(*) from outbound_email o join ticket t on t.id = o.ticket_id
                        where o.kind = 'RESOLUTION' and t.subject like ?""").param(p + "%").query(Long.class).single()).isEqualTo(3);
        assertThat(ApiClient.anonymous(port).get("/api/v1/incidents/" + id).status())
                .isEqualTo(401);
    }

    private List<Map<String, Object>> mails(String title) {
        return jdbc.sql("""
                        select recipients[1] address, ticket_id, subject, body from outbound_email
                        where kind = 'INCIDENT_UPDATE' and subject like ? order by id""").param("%" + title).query().listOfRows();
    }

    /** Requesters p-r{i}@requesters.test with tickets spread over them; returns each requester's newest ticket. */
    private Map<String, Long> tickets(String p, int requesters, int tickets) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        with c as (insert into contact (name, created_at)
                                   select ? || '-r' || g, ? from generate_series(0, ? - 1) g returning id, name)
                        insert into contact_email (email, contact_id) select c.name || '@requesters.test', c.id from c""").params(p, now, requesters).update();
        jdbc.sql("""
                        insert into ticket (subject, requester_id, channel, type, priority, impact, status, created_at, updated_at)
                        select ? || ' ticket ' || g, e.contact_id, 'EMAIL', 'QUESTION', 'NORMAL', 'MINOR', 'OPEN',
                               cast(? as timestamptz) - make_interval(secs => ? - g), ?
                        from generate_series(0, ? - 1) g
                        join contact_email e on e.email = ? || '-r' || (g % ?) || '@requesters.test'""").params(p, now, tickets, now, tickets, p, requesters).update();
        Map<String, Long> newest = new HashMap<>();
        jdbc.sql("""
                        select distinct on (e.email) e.email, t.id from ticket t
                        join contact_email e on e.contact_id = t.requester_id
                        where t.subject like ? order by e.email, t.created_at desc, t.id desc""").param(p + " ticket %").query(rs -> {
            newest.put(rs.getString(1), rs.getLong(2));
        });
        return newest;
    }

    private List<Long> newestAll(String p) {
        return jdbc.sql("select id from ticket where subject like ? order by id")
                .param(p + " ticket %")
                .query(Long.class)
                .list();
    }
}
