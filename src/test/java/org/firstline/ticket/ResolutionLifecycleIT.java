package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** After a resolution: the requester's message reopens, silence closes after the configured days. */
class ResolutionLifecycleIT extends ApiTest {
    @Autowired
    UnansweredResolutionSweeper sweeper;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName(
            "2i2c: a requester's message on a resolved ticket reopens it with team and owner kept, and the audit trail says why")
    void aRequesterMessageReopensAResolvedTicketKeepingItsPeople() {
        var admin = api(AgentRole.ADMIN);
        var owner = newAgent(AgentRole.AGENT);
        long team = admin.post("/api/v1/teams", map("name", unique("Hub"), "memberIds", List.of(owner.id())))
                .json()
                .get("id")
                .asLong();
        String requester = unique("reopen") + "@example.org";
        long id = open(admin, requester);
        admin.patch(
                "/api/v1/tickets/" + id,
                map("teamId", team, "ownerId", owner.id(), "status", "RESOLVED", "resolution", "WORKAROUND"));

        var message = admin.post(
                "/api/v1/tickets/" + id + "/messages", map("body", "Still broken for me", "fromRequester", requester));
        assertThat(message.status()).as(message.body()).isEqualTo(201);
        var reopened = admin.get("/api/v1/tickets/" + id).json();
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("teamId").asLong()).isEqualTo(team);
        assertThat(reopened.get("ownerId").asLong()).isEqualTo(owner.id());
        assertThat(reopened.get("resolution").isNull()).isTrue();
        assertThat(reopened.get("resolvedAt").isNull()).isTrue();
        var reason = entry(admin.get("/api/v1/tickets/" + id + "/audit").json().get("items"), "reason", "status");
        assertThat(reason).isNotNull();
        assertThat(reason.get("after").asString()).isEqualTo("requester replied");

        // an agent's note or reply on a resolved ticket does not reopen it; only the requester's side does
        admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        assertThat(jdbc.sql(
                                "select count(*) from outbound_email where ticket_id = ? and kind = 'RESOLUTION' and status = 'QUEUED'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("the first resolution mail, never sent and its links dead, is withdrawn: one mail waits, not two")
                .isEqualTo(1);
        admin.post("/api/v1/tickets/" + id + "/messages", map("body", "Glad it works", "kind", "PUBLIC"));
        assertThat(admin.get("/api/v1/tickets/" + id).json().get("status").asString())
                .isEqualTo("RESOLVED");
    }

    @Test
    @DisplayName(
            "2i2c: no answer for the configured days closes a resolved ticket with a note, once with two nodes sweeping")
    void anUnansweredResolutionClosesOnceAfterTheConfiguredDays() throws Exception {
        var admin = api(AgentRole.ADMIN);
        int before =
                admin.get("/api/v1/ticket-settings").json().get("autoCloseDays").asInt();
        assertThat(api(AgentRole.AGENT)
                        .patch("/api/v1/ticket-settings", map("autoCloseDays", 3))
                        .status())
                .isEqualTo(403);
        var refused = admin.patch("/api/v1/ticket-settings", map("autoCloseDays", 0));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("autoCloseDays");
        try {
            assertThat(admin.patch("/api/v1/ticket-settings", map("autoCloseDays", 3))
                            .json()
                            .get("autoCloseDays")
                            .asInt())
                    .isEqualTo(3);
            clock.set(Instant.parse("2026-12-01T10:00:00Z"));
            long quiet = open(admin, unique("quiet") + "@example.org");
            long answered = open(admin, unique("answered") + "@example.org");
            for (long id : List.of(quiet, answered)) {
                admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
            }
            admin.post("/api/v1/tickets/" + answered + "/resolution", map("outcome", "CONFIRMED"));

            clock.advance(Duration.ofDays(3).minusMinutes(1));
            sweeper.sweep();
            assertThat(status(admin, quiet)).as("not yet three days").isEqualTo("RESOLVED");

            clock.advance(Duration.ofMinutes(2));
            try (var nodes = Executors.newFixedThreadPool(2)) {
                List<Future<Integer>> sweeps = new ArrayList<>();
                for (int node = 0; node < 2; node++) sweeps.add(nodes.submit(sweeper::sweep));
                for (var sweep : sweeps) sweep.get();
            }
            var closed = admin.get("/api/v1/tickets/" + quiet).json();
            assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
            assertThat(closed.get("resolutionOutcome").asString()).isEqualTo("AUTO_CLOSED");
            assertThat(closed.get("closedAt").asString())
                    .isEqualTo(clock.instant().toString());
            var notes = new ArrayList<String>();
            admin.get("/api/v1/tickets/" + quiet + "/messages")
                    .json()
                    .get("items")
                    .forEach(m -> notes.add(m.get("body").asString()));
            assertThat(notes)
                    .filteredOn(b -> b.startsWith("Closed automatically"))
                    .containsExactly("Closed automatically: no answer from the requester in 3 days.");
            assertThat(jdbc.sql("""
                    select count(*) from audit_entry where ticket_id = ? and field = 'status' and after = 'CLOSED'""").param(quiet).query(Integer.class).single())
                    .as("closed once")
                    .isEqualTo(1);
            assertThat(entry(
                                    admin.get("/api/v1/tickets/" + quiet + "/audit")
                                            .json()
                                            .get("items"),
                                    "reason",
                                    "status")
                            .get("after")
                            .asString())
                    .isEqualTo("no answer from the requester in 3 days");
            assertThat(admin.get("/api/v1/tickets/" + answered)
                            .json()
                            .get("resolutionOutcome")
                            .asString())
                    .isEqualTo("CONFIRMED");
        } finally {
            admin.patch("/api/v1/ticket-settings", map("autoCloseDays", before));
        }
    }

    @Test
    @DisplayName("2i2c: a reply that reopened the ticket before the sweep wins over the silence")
    void aReopenedTicketIsNotClosedForItsOldResolution() {
        var admin = api(AgentRole.ADMIN);
        clock.set(Instant.parse("2026-12-10T10:00:00Z"));
        String requester = unique("late") + "@example.org";
        long id = open(admin, requester);
        admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        clock.advance(Duration.ofDays(6));
        admin.post("/api/v1/tickets/" + id + "/messages", map("body", "One more question", "fromRequester", requester));
        clock.advance(Duration.ofDays(30));
        sweeper.sweep();
        assertThat(status(admin, id)).isEqualTo("OPEN");
    }

    private long open(ApiClient api, String requester) {
        var response = api.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "Hub is slow",
                        "body",
                        "Please help",
                        "requester",
                        map("email", requester, "name", "Rae")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static String status(ApiClient api, long id) {
        return api.get("/api/v1/tickets/" + id).json().get("status").asString();
    }

    private static JsonNode entry(JsonNode entries, String action, String field) {
        for (JsonNode e : entries) {
            if (e.get("action").asString().equals(action)
                    && field.equals(e.get("field").asString())) return e;
        }
        return null;
    }
}
