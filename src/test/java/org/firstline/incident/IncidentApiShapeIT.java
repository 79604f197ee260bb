package org.firstline.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The incident API in the shape of the rest: lists as {@code items}, tickets by id or number wherever tickets are
 * given, problems named by the field the caller used, and the refusals that keep links and alerts meaningful.
 */
class IncidentApiShapeIT extends ApiTest {

    @Test
    void listsAnswerItemsLikeEveryOtherList() {
        var agent = api(AgentRole.AGENT);
        String title = unique("Listed");
        long id = agent.post("/api/v1/incidents", map("title", title))
                .json()
                .get("id")
                .asLong();
        long ticket = ticket(agent).get("id").asLong();
        agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", List.of(ticket)));

        var list = agent.get("/api/v1/incidents?open=true&limit=500");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().isObject()).isTrue();
        assertThat(ids(list.json().get("items"))).contains(id);
        var linked = agent.get("/api/v1/incidents/" + id + "/tickets").json();
        assertThat(ids(linked.get("items"))).containsExactly(ticket);
        assertThat(agent.get("/api/v1/incidents/" + id + "/suggested-tickets")
                        .json()
                        .get("items")
                        .isArray())
                .isTrue();
        String openApi = agent.get("/v3/api-docs").body();
        assertThat(openApi).contains("\"/api/v1/incidents\"");
    }

    @Test
    void declaringTakesTicketNumbersAndNamesAnUnknownTicketUnderTheFieldItCameIn() {
        var agent = api(AgentRole.AGENT);
        var first = ticket(agent);
        var second = ticket(agent);
        var third = ticket(agent);

        var declared = agent.post(
                "/api/v1/incidents",
                map(
                        "title", unique("By number"),
                        "ticketNumbers",
                                List.of(
                                        first.get("number").asLong(),
                                        second.get("number").asLong()),
                        "ticketIds", List.of(third.get("id").asLong())));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.json().get("linkedTickets").asLong()).isEqualTo(3);

        var unknownNumber = agent.post(
                "/api/v1/incidents", map("title", unique("Unknown number"), "ticketNumbers", List.of(999_999_998)));
        assertProblem(unknownNumber, 400, "ticketNumbers", "#999999998");
        var unknownId = agent.post(
                "/api/v1/incidents", map("title", unique("Unknown id"), "ticketIds", List.of(Long.MAX_VALUE - 2)));
        assertProblem(unknownId, 400, "ticketIds", String.valueOf(Long.MAX_VALUE - 2));
        var unknownSource = agent.post(
                "/api/v1/incidents", map("title", unique("Unknown source"), "fromTicketId", Long.MAX_VALUE - 3));
        assertProblem(unknownSource, 400, "fromTicketId", String.valueOf(Long.MAX_VALUE - 3));
    }

    @Test
    void anUnreadableDateIsNamedByItsField() {
        var admin = api(AgentRole.ADMIN);
        var maintenance = admin.post(
                "/api/v1/maintenances",
                map("title", unique("Upgrade"), "scheduledFor", "tomorrow", "scheduledUntil", "2026-12-01T11:00:00Z"));
        assertProblem(maintenance, 400, "scheduledFor", "a date-time like 2026-12-01T10:00:00Z");
        assertThat(maintenance.body()).doesNotContain("unreadable");

        long id = admin.post("/api/v1/incidents", map("title", unique("Dated")))
                .json()
                .get("id")
                .asLong();
        var action =
                admin.post("/api/v1/incidents/" + id + "/actions", map("title", "Add a disk", "dueOn", "15.12.2026"));
        assertProblem(action, 400, "dueOn", "a date like 2026-12-01");
    }

    @Test
    void anAlertKeyBelongsToAnAlert() {
        var agent = api(AgentRole.AGENT);
        var manual = agent.post("/api/v1/incidents", map("title", unique("Manual"), "alertKey", unique("disk")));
        assertProblem(manual, 400, "alertKey", "ALERT");
        var alert = agent.post(
                "/api/v1/incidents", map("title", unique("Alert"), "source", "ALERT", "alertKey", unique("disk")));
        assertThat(alert.status()).isEqualTo(201);
    }

    @Test
    void aResolvedIncidentTakesNoMoreTicketsAndUnlinkingNeedsALink() {
        var agent = api(AgentRole.AGENT);
        long linkedTicket = ticket(agent).get("id").asLong();
        long otherTicket = ticket(agent).get("id").asLong();
        long id = agent.post(
                        "/api/v1/incidents", map("title", unique("Resolved soon"), "ticketIds", List.of(linkedTicket)))
                .json()
                .get("id")
                .asLong();

        var neverLinked = agent.delete("/api/v1/incidents/" + id + "/tickets/" + otherTicket);
        assertProblem(neverLinked, 404, null, "not linked");
        assertThat(agent.delete("/api/v1/incidents/" + id + "/tickets/" + linkedTicket)
                        .status())
                .isEqualTo(204);
        assertThat(agent.delete("/api/v1/incidents/" + id + "/tickets/" + linkedTicket)
                        .status())
                .as("unlinked already")
                .isEqualTo(404);

        clock.advance(Duration.ofMinutes(5));
        assertThat(agent.post(
                                "/api/v1/incidents/" + id + "/updates",
                                map("status", "RESOLVED", "body", "Fixed.", "public", false))
                        .status())
                .isEqualTo(201);
        var late = agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", List.of(otherTicket)));
        assertProblem(late, 409, null, "is resolved");
        assertThat(agent.get("/api/v1/incidents/" + id + "/tickets")
                        .json()
                        .get("items")
                        .size())
                .isZero();
    }

    private ApiClient admin;
    private long team;

    /** A ticket routed to a team of this test, so it never waits on the triage desk other tests read. */
    private JsonNode ticket(ApiClient agent) {
        if (admin == null) {
            admin = api(AgentRole.ADMIN);
            team = admin.post("/api/v1/teams", map("name", unique("Shape")))
                    .json()
                    .get("id")
                    .asLong();
        }
        var created = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        unique("Cannot sign in"),
                        "body",
                        "Since this morning",
                        "teamId",
                        team,
                        "requester",
                        map("email", unique("kim") + "@shape.test", "name", "Kim")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static List<Long> ids(JsonNode items) {
        assertThat(items).as("items").isNotNull();
        assertThat(items.isArray()).isTrue();
        return StreamSupport.stream(items.spliterator(), false)
                .map(i -> i.get("id").asLong())
                .toList();
    }

    private static void assertProblem(ApiClient.Response answer, int status, String field, String says) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).contains("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains(says);
        if (field != null) {
            var errors = answer.json().get("errors");
            assertThat(errors).as(answer.body()).isNotNull();
            assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
            assertThat(errors.get(0).get("message").asString()).contains(says);
        }
    }
}
