package org.firstline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.triage.internal.FollowUps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TriageApiIT extends TriageApiTest {
    @Autowired
    FollowUps followUps;

    @Test
    void similarTicketsShowHowPastOnesEnded() {
        var admin = api(AgentRole.ADMIN);
        var agent = api(AgentRole.AGENT);
        var old = open(
                agent,
                "Ingress timeout on the staging cluster",
                "Requests to staging time out after 60 seconds at the ingress.");
        long oldId = old.get("id").asLong();
        agent.post(
                "/api/v1/tickets/" + oldId + "/messages",
                map("body", "Raised the ingress proxy timeout to 300 s; fixed."));
        var resolved = agent.patch(
                "/api/v1/tickets/" + oldId,
                map(
                        "status",
                        "RESOLVED",
                        "resolution",
                        "CODE_FIX",
                        "resolutionLink",
                        "https://github.com/example/infra/pull/7"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        var other = open(agent, "Unrelated billing question", "Why was our invoice higher?")
                .get("id")
                .asLong();
        agent.patch("/api/v1/tickets/" + other, map("status", "RESOLVED", "resolution", "CUSTOMER_SIDE"));
        assertThat(admin.post("/api/v1/triage/classifier/train", null).status()).isEqualTo(200);
        var fresh = open(agent, "Staging ingress timeout again", "Our staging deploys hit an ingress timeout.");
        var similar = admin.get("/api/v1/tickets/" + fresh.get("id").asLong() + "/suggestions")
                .json()
                .get("similar");
        assertThat(similar).isNotEmpty();
        assertThat(similar.get(0).get("id").asLong()).isEqualTo(oldId);
        assertThat(similar.get(0).get("resolution").asString()).isEqualTo("CODE_FIX");
        assertThat(similar.get(0).get("lastReply").asString()).contains("300 s");
        assertThat(similar.toString()).doesNotContain("invoice");
    }

    @Test
    void eightTriagersRacingForOneTicketAssignItOnce() throws Exception {
        var agents = new ArrayList<AgentView>();
        for (int i = 0; i < 8; i++) agents.add(newAgent(AgentRole.AGENT));
        long teamA = team("Alpha", agents.toArray(AgentView[]::new));
        long teamB = team("Beta", agents.toArray(AgentView[]::new));
        long id = open(api(agents.get(0)), "Race", "Who gets it?").get("id").asLong();
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<ApiClient.Response>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                var client = api(agents.get(i));
                long teamId = i % 2 == 0 ? teamA : teamB;
                results.add(pool.submit(() -> {
                    start.await();
                    return client.post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId));
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : results) statuses.add(f.get().status());
        assertThat(statuses.stream().filter(s -> s == 200).count())
                .as(statuses.toString())
                .isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count())
                .as(statuses.toString())
                .isEqualTo(7);
        var winner = results.stream()
                .map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(r -> r.status() == 200)
                .findFirst()
                .orElseThrow();
        var ticket = api(agents.get(0)).get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("teamId").asLong())
                .isEqualTo(winner.json().get("teamId").asLong());
        // the ticket was assigned once: one team change in its audit trail
        var audit = api(agents.get(0)).get("/api/v1/tickets/" + id + "/audit").body();
        assertThat(audit.split("\"team_id\"", -1).length - 1).isEqualTo(1);
    }

    @Test
    void aClaimKeepsOtherTriagersOffTheRowUntilItLapses() {
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        long teamId = team("Gamma", ann, bob);
        long id = open(api(ann), "Claimed", "Mine for now").get("id").asLong();
        assertThat(api(ann).post("/api/v1/triage/tickets/" + id + "/claim", null)
                        .status())
                .isEqualTo(204);
        var refused = api(bob).post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .contains(ann.displayName())
                .contains("working on this ticket");
        var desk = api(bob).get("/api/v1/triage/desk?limit=500").json().get("rows");
        var row = find(desk, id);
        assertThat(row.get("claimedBy").asString()).isEqualTo(ann.displayName());
        assertThat(row.get("claimedByMe").asBoolean()).isFalse();

        clock.advance(Duration.ofMinutes(6));
        var taken =
                api(bob).post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId, "ownerId", bob.id()));
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("ownerId").asLong()).isEqualTo(bob.id());
        var again = api(ann).post("/api/v1/triage/tickets/" + id + "/assign", map("teamId", teamId));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already assigned");
        assertThat(find(api(ann).get("/api/v1/triage/desk?limit=500").json().get("rows"), id))
                .isNull();
    }

    @Test
    void aSessionRecordsWhoTookPartAndWhatTheyHandled() {
        var ann = newAgent(AgentRole.AGENT);
        var bob = newAgent(AgentRole.AGENT);
        long teamId = team("Delta", ann, bob);
        var first = open(api(ann), "First", "one").get("id").asLong();
        var second = open(api(ann), "Second", "two").get("id").asLong();
        var started = api(ann).post("/api/v1/triage/sessions", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("backlogAtStart").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(started.json().get("timeboxEndsAt").asString())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)).toString());
        api(ann).post("/api/v1/triage/tickets/" + first + "/assign", map("teamId", teamId));
        clock.advance(Duration.ofMinutes(12));
        api(bob).post("/api/v1/triage/tickets/" + second + "/assign", map("teamId", teamId));
        var ended = api(bob).post("/api/v1/triage/sessions/current/end", null).json();
        assertThat(ended.get("handled").asInt()).isEqualTo(2);
        assertThat(ended.get("participants").toString())
                .contains(ann.displayName())
                .contains(bob.displayName());
        assertThat(java.time.Duration.between(
                        java.time.Instant.parse(ended.get("startedAt").asString()),
                        java.time.Instant.parse(ended.get("endedAt").asString())))
                .isEqualTo(Duration.ofMinutes(12));
        assertThat(api(ann).post("/api/v1/triage/sessions/current/end", null).status())
                .isEqualTo(409);
        // the next session's backlog starts where this one ended
        var next = api(ann).post("/api/v1/triage/sessions", null).json();
        assertThat(next.get("backlogSince").asString())
                .isEqualTo(ended.get("endedAt").asString());
        api(ann).post("/api/v1/triage/sessions/current/end", null);
    }

    @Test
    void aTeamQueueMarksWhatIsNewSinceTheStandupAndTakeGivesItAnOwner() {
        var ann = newAgent(AgentRole.AGENT);
        var outsider = newAgent(AgentRole.AGENT);
        long teamId = team("Epsilon", ann);
        var api = api(ann);
        long before = open(api, "Before stand-up", "x").get("id").asLong();
        api.post("/api/v1/triage/tickets/" + before + "/assign", map("teamId", teamId));
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post("/api/v1/triage/teams/" + teamId + "/standup", null).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(5));
        long after = open(api, "After stand-up", "y").get("id").asLong();
        api.post("/api/v1/triage/tickets/" + after + "/assign", map("teamId", teamId));
        var queue = api.get("/api/v1/triage/teams/" + teamId + "/queue").json();
        assertThat(find(queue.get("rows"), before).get("newSinceStandup").asBoolean())
                .isFalse();
        assertThat(find(queue.get("rows"), after).get("newSinceStandup").asBoolean())
                .isTrue();

        var refused = api(outsider).post("/api/v1/tickets/" + after + "/take", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("not a member");
        var taken = api.post("/api/v1/tickets/" + after + "/take", null);
        assertThat(taken.json().get("ownerId").asLong()).isEqualTo(ann.id());
        assertThat(find(
                        api.get("/api/v1/triage/teams/" + teamId + "/queue")
                                .json()
                                .get("rows"),
                        after))
                .isNull();
        assertThat(api.post("/api/v1/tickets/" + after + "/take", null)
                        .json()
                        .get("detail")
                        .asString())
                .contains("already yours");
    }

    @Test
    void priorityFromFactorsAsksAgainAfterEachUpdateAndFollowsUpOnAWorkaround() {
        var api = api(AgentRole.AGENT);
        long id = open(api, "Exports broken", "Every export fails.").get("id").asLong();
        api.patch("/api/v1/tickets/" + id, map("impact", "MAJOR"));
        var factors = api.patch(
                "/api/v1/tickets/" + id + "/priority-factors", map("workaround", "NO", "blocksPriorityWork", true));
        assertThat(factors.status()).as(factors.body()).isEqualTo(200);
        assertThat(factors.json().get("suggested").asString()).isEqualTo("CRITICAL");
        assertThat(factors.json().get("explanation").asString())
                .contains("impact major (+3)")
                .contains("= 5 points");
        assertThat(factors.json().get("stillHolds").asBoolean()).isFalse();

        var confirmed = api.post("/api/v1/tickets/" + id + "/priority-check", map("priority", "CRITICAL"));
        assertThat(confirmed.json().get("current").asString()).isEqualTo("CRITICAL");
        assertThat(confirmed.json().get("stillHolds").asBoolean()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        api.post("/api/v1/tickets/" + id + "/messages", map("body", "Looking into it.", "kind", "NOTE"));
        assertThat(api.get("/api/v1/tickets/" + id + "/suggestions")
                        .json()
                        .get("priority")
                        .get("stillHolds")
                        .asBoolean())
                .isFalse();

        var workaround = api.patch("/api/v1/tickets/" + id + "/priority-factors", map("workaround", "YES"));
        assertThat(workaround.json().get("suggested").asString()).isEqualTo("HIGH");
        clock.advance(Duration.ofDays(1));
        followUps.fireDue();
        assertThat(api.get("/api/v1/tickets/" + id + "/messages").body()).doesNotContain("Follow-up");
        clock.advance(Duration.ofDays(1));
        followUps.fireDue();
        followUps.fireDue();
        var notes = api.get("/api/v1/tickets/" + id + "/messages").body();
        assertThat(notes.split("Follow-up: a workaround", -1).length - 1).isEqualTo(1);

        assertThat(api.patch("/api/v1/tickets/" + id + "/priority-factors", map("workaround", "MAYBE"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/tickets/999999/suggestions").status()).isEqualTo(404);
    }

    @Test
    void theOwnershipMapIsAdminsToChangeAndRefusesBadPatterns() {
        var admin = api(AgentRole.ADMIN);
        long teamId = team("Zeta");
        var bad = admin.post("/api/v1/ownership-rules", map("teamId", teamId, "kind", "PATTERN", "term", "(unclosed"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("term").contains("regular expression");
        var common = admin.post("/api/v1/ownership-rules", map("teamId", teamId, "kind", "KEYWORD", "term", "the"));
        assertThat(common.status()).isEqualTo(400);
        var agent = api(AgentRole.AGENT);
        assertThat(agent.post("/api/v1/ownership-rules", map("teamId", teamId, "kind", "KEYWORD", "term", "kafka"))
                        .status())
                .isEqualTo(403);
        var rule = admin.post(
                "/api/v1/ownership-rules", map("teamId", teamId, "kind", "KEYWORD", "term", "kafka", "weight", 4));
        assertThat(rule.status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/ownership-rules", map("teamId", teamId, "kind", "KEYWORD", "term", "Kafka"))
                        .status())
                .isEqualTo(409);
        assertThat(agent.get("/api/v1/ownership-rules").body()).contains("kafka");
        assertThat(admin.delete("/api/v1/ownership-rules/"
                                + rule.json().get("id").asLong())
                        .status())
                .isEqualTo(204);
    }

    private static JsonNode find(JsonNode rows, long id) {
        for (JsonNode row : rows) if (row.get("id").asLong() == id) return row;
        return null;
    }
}
