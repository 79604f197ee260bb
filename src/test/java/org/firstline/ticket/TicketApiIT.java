package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TicketApiIT extends ApiTest {

    private JsonNode open(ApiClient api, String subject, String body, String email) {
        var response = api.post(
                "/api/v1/tickets",
                map("subject", subject, "body", body, "requester", map("email", email, "name", "Requester")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void opensATicketAndReadsItBack() {
        var api = api(AgentRole.AGENT);
        var created = open(api, "Hub returns 502", "Since 9am everyone gets a 502", unique("ann") + "@example.org");

        assertThat(created.get("number").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(created.get("status").asString()).isEqualTo("NEW");
        assertThat(created.get("priority").asString()).isEqualTo("NORMAL");
        assertThat(created.get("type").asString()).isEqualTo("QUESTION");
        assertThat(created.get("createdAt").asString())
                .isEqualTo(clock.instant().toString());

        var read = api.get("/api/v1/tickets/" + created.get("id").asLong());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("subject").asString()).isEqualTo("Hub returns 502");
        var messages = api.get("/api/v1/tickets/" + created.get("id").asLong() + "/messages")
                .json()
                .get("items");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("body").asString()).isEqualTo("Since 9am everyone gets a 502");
        assertThat(messages.get(0).get("authorContactId").isNull()).isFalse();
    }

    @Test
    void requesterIsMatchedByAnyOfTheirAddressesCaseInsensitively() {
        var api = api(AgentRole.AGENT);
        String email = unique("Bob") + "@Example.org";
        var first = open(api, "one", "first", email);
        var second = open(api, "two", "second", email.toLowerCase());
        assertThat(second.get("requesterId").asLong())
                .isEqualTo(first.get("requesterId").asLong());
    }

    @Test
    void rejectsBadInputWithFieldLevelProblems() {
        var api = api(AgentRole.AGENT);
        var missing = api.post("/api/v1/tickets", map("subject", "no body"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(missing.json())).contains("body", "requester");

        var unknown = api.post(
                "/api/v1/tickets",
                map("subject", "s", "body", "b", "requester", map("email", "a@b.org"), "colour", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown.json())).containsExactly("colour");

        var badEnum = api.post(
                "/api/v1/tickets",
                map("subject", "s", "body", "b", "requester", map("email", "a@b.org"), "priority", "URGENT"));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(fields(badEnum.json())).containsExactly("priority");
        assertThat(badEnum.json().get("detail").asString()).contains("CRITICAL");

        var badEmail = api.post(
                "/api/v1/tickets", map("subject", "s", "body", "b", "requester", map("email", "not-an-address")));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(fields(badEmail.json())).containsExactly("requester.email");

        var malformed = api.postRaw("/api/v1/tickets", "{\"subject\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("not valid JSON");

        var oversize = api.postRaw("/api/v1/tickets", "{\"subject\": \"" + "x".repeat(1_100_000) + "\"}");
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.json().get("detail").asString()).contains("limit");

        var tooLongSubject = api.post(
                "/api/v1/tickets", map("subject", "x".repeat(501), "body", "b", "requester", map("email", "a@b.org")));
        assertThat(tooLongSubject.status()).isEqualTo(400);
        assertThat(fields(tooLongSubject.json())).containsExactly("subject");
    }

    @Test
    void refusesCallersWithoutCredentialsOrTheRightRole() {
        var anonymous = ApiClient.anonymous(port).get("/api/v1/tickets");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ApiClient.bearer(port, "fl_not-a-token")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(401);

        var readOnly = api(AgentRole.READ_ONLY);
        assertThat(readOnly.get("/api/v1/tickets").status()).isEqualTo(200);
        var refused = readOnly.post(
                "/api/v1/tickets", map("subject", "s", "body", "b", "requester", map("email", "a@b.org")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        var agent = api(AgentRole.AGENT);
        var importAttempt = agent.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "s",
                        "body",
                        "b",
                        "requester",
                        map("email", "a@b.org"),
                        "createdAt",
                        "2020-01-01T00:00:00Z"));
        assertThat(importAttempt.status()).isEqualTo(403);
    }

    @Test
    void basicAuthWorksWithAnAgentsPasswordAndFailsWithAWrongOne() {
        var agent = newAgent(AgentRole.AGENT);
        assertThat(ApiClient.basic(port, agent.username(), PASSWORD)
                        .get("/api/v1/tickets?limit=1")
                        .status())
                .isEqualTo(200);
        assertThat(ApiClient.basic(port, agent.username(), "wrong password!")
                        .get("/api/v1/tickets")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void adminsImportHistoryWithCreationTimeStatusTeamAndOwner() {
        var admin = api(AgentRole.ADMIN);
        var owner = newAgent(AgentRole.AGENT);
        var team = admin.post("/api/v1/teams", map("name", unique("Imported"), "memberIds", List.of(owner.id())))
                .json();
        var imported = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "Old ticket",
                        "body",
                        "from the old desk",
                        "requester",
                        map("email", unique("old") + "@example.org"),
                        "createdAt",
                        "2024-05-01T10:00:00Z",
                        "status",
                        "OPEN",
                        "teamId",
                        team.get("id").asLong(),
                        "ownerId",
                        owner.id()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("createdAt").asString()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(imported.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(imported.json().get("ownerId").asLong()).isEqualTo(owner.id());

        var future = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "s",
                        "body",
                        "b",
                        "requester",
                        map("email", "a@b.org"),
                        "createdAt",
                        "2030-01-01T00:00:00Z"));
        assertThat(future.status()).isEqualTo(400);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheSameTicket() {
        var api = api(AgentRole.AGENT);
        var body = map(
                "subject", "Retry me", "body", "once only", "requester", map("email", unique("r") + "@example.org"));
        var first = api.post("/api/v1/tickets", body, Map.of("Idempotency-Key", "key-1"));
        var second = api.post("/api/v1/tickets", body, Map.of("Idempotency-Key", "key-1"));
        var other = api.post("/api/v1/tickets", body, Map.of("Idempotency-Key", "key-2"));
        assertThat(first.json().get("id").asLong())
                .isEqualTo(second.json().get("id").asLong());
        assertThat(other.json().get("id").asLong())
                .isNotEqualTo(first.json().get("id").asLong());
    }

    @Test
    void concurrentCreatesWithOneIdempotencyKeyMakeOneTicket() throws Exception {
        var api = api(AgentRole.AGENT);
        var body = map(
                "subject", "Race", "body", "eight at once", "requester", map("email", unique("race") + "@example.org"));
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> api.post("/api/v1/tickets", body, Map.of("Idempotency-Key", "race-key"))
                    .json()
                    .get("id")
                    .asLong());
        }
        Set<Long> ids = new HashSet<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Long> f : pool.invokeAll(calls)) {
                ids.add(f.get());
            }
        }
        assertThat(ids).hasSize(1);
        var list = api.get("/api/v1/tickets?q=" + "eight&limit=200").json().get("items");
        long withThisBody = 0;
        for (JsonNode t : list) {
            if (t.get("subject").asString().equals("Race")
                    && t.get("id").asLong() == ids.iterator().next()) withThisBody++;
        }
        assertThat(withThisBody).isEqualTo(1);
    }

    @Test
    void listsNewestFirstWithKeysetPagesThatNeitherRepeatNorSkip() {
        var api = api(AgentRole.AGENT);
        String email = unique("pages") + "@example.org";
        Set<Long> made = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            made.add(open(api, "Page test " + i, "body", email).get("id").asLong());
        }
        long requester = api.get("/api/v1/tickets/" + made.iterator().next())
                .json()
                .get("requesterId")
                .asLong();
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/v1/tickets?limit=3&requesterId=" + requester
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(t -> seen.add(t.get("id").asLong()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(made);
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(api.get("/api/v1/tickets?cursor=garbage").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/tickets?limit=0").status()).isEqualTo(400);
    }

    @Test
    void filtersByStatusTeamOwnerTypePriorityLabelAndOrganization() {
        var admin = api(AgentRole.ADMIN);
        var owner = newAgent(AgentRole.AGENT);
        long team = admin.post("/api/v1/teams", map("name", unique("Filters"), "memberIds", List.of(owner.id())))
                .json()
                .get("id")
                .asLong();
        String label = unique("lbl");
        admin.post("/api/v1/labels", map("name", label));
        long org = admin.post("/api/v1/organizations", map("name", unique("Org")))
                .json()
                .get("id")
                .asLong();
        var target = admin.post(
                        "/api/v1/tickets",
                        map(
                                "subject",
                                "Filtered",
                                "body",
                                "b",
                                "requester",
                                map("email", unique("f") + "@example.org"),
                                "type",
                                "BUG",
                                "priority",
                                "HIGH",
                                "labels",
                                List.of(label),
                                "organizationId",
                                org))
                .json();
        long id = target.get("id").asLong();
        var patched =
                admin.patch("/api/v1/tickets/" + id, map("teamId", team, "ownerId", owner.id(), "status", "OPEN"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        assertThat(ids(admin.get("/api/v1/tickets?teamId=" + team))).containsExactly(id);
        assertThat(ids(admin.get("/api/v1/tickets?ownerId=" + owner.id()))).containsExactly(id);
        assertThat(ids(admin.get("/api/v1/tickets?label=" + label))).containsExactly(id);
        assertThat(ids(admin.get("/api/v1/tickets?organizationId=" + org + "&type=BUG&priority=HIGH&status=OPEN")))
                .containsExactly(id);
        assertThat(ids(admin.get("/api/v1/tickets?organizationId=" + org + "&status=open")))
                .containsExactly(id);
        assertThat(ids(admin.get("/api/v1/tickets?organizationId=" + org + "&status=PENDING")))
                .isEmpty();
        assertThat(ids(admin.get("/api/v1/tickets?organizationId=" + org + "&priority=LOW")))
                .isEmpty();
        assertThat(ids(api(owner).get("/api/v1/tickets?ownerId=me"))).containsExactly(id);
        assertThat(ids(admin.get("/api/v1/tickets?teamId=none&organizationId=" + org)))
                .isEmpty();
        var badStatus = admin.get("/api/v1/tickets?status=DONE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(fields(badStatus.json())).containsExactly("status");
        assertThat(admin.get("/api/v1/tickets?type=NOPE").status()).isEqualTo(400);
    }

    @Test
    void searchesSubjectsAndMessagesByWordsAndNumbers() {
        var api = api(AgentRole.AGENT);
        String word = "zq" + unique("w").replace("-", "");
        var bySubject = open(api, "Mount fails " + word, "details", unique("s") + "@example.org");
        var byBody = open(api, "Something else", "the " + word + " volume is read-only", unique("s") + "@example.org");
        var byReply = open(api, "Third", "nothing here", unique("s") + "@example.org");
        api.post(
                "/api/v1/tickets/" + byReply.get("id").asLong() + "/messages",
                map("body", "Found it: " + word + " was misconfigured"));

        assertThat(ids(api.get("/api/v1/tickets?q=" + word)))
                .containsExactlyInAnyOrder(
                        bySubject.get("id").asLong(),
                        byBody.get("id").asLong(),
                        byReply.get("id").asLong());
        assertThat(ids(api.get("/api/v1/tickets?q=%23" + bySubject.get("number").asLong())))
                .containsExactly(bySubject.get("id").asLong());
        assertThat(ids(api.get("/api/v1/tickets?q=" + word + "x"))).isEmpty();

        var first = api.get("/api/v1/tickets?limit=2&q=" + word).json();
        assertThat(first.get("items")).hasSize(2);
        var rest = api.get("/api/v1/tickets?limit=2&q=" + word + "&cursor="
                        + first.get("nextCursor").asString())
                .json();
        assertThat(rest.get("items")).hasSize(1);
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        assertThat(rest.get("items").get(0).get("id").asLong())
                .isNotIn(
                        first.get("items").get(0).get("id").asLong(),
                        first.get("items").get(1).get("id").asLong());

        String renamed = "zr" + unique("n").replace("-", "");
        api.patch("/api/v1/tickets/" + bySubject.get("id").asLong(), map("subject", "Quota " + renamed));
        assertThat(ids(api.get("/api/v1/tickets?q=" + renamed)))
                .containsExactly(bySubject.get("id").asLong());
        assertThat(ids(api.get("/api/v1/tickets?q=" + word)))
                .doesNotContain(bySubject.get("id").asLong())
                .contains(byBody.get("id").asLong());
    }

    @Test
    void unknownTicketIsA404Problem() {
        var response = api(AgentRole.AGENT).get("/api/v1/tickets/999999999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("999999999");
    }

    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        if (problem.has("errors"))
            problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static List<Long> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("items").forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }
}
