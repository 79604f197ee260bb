package org.firstline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Components and maintenance over the API: roles, problem+json refusals, and the board following each change. */
class StatusAdminApiIT extends ApiTest {
    @Autowired
    StatusBoard board;

    @Test
    void adminsKeepComponentsAgentsMoveTheirStatusAndTheBoardFollows() {
        var admin = api(AgentRole.ADMIN);
        var agent = api(AgentRole.AGENT);
        var reader = api(AgentRole.READ_ONLY);
        String name = unique("API");

        var created = admin.post(
                "/api/v1/components",
                Map.of("name", name, "description", "Public API", "group", "Core", "position", 2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asString()).isEqualTo("OPERATIONAL");
        assertThat(created.json().get("group").asString()).isEqualTo("Core");

        assertThat(agent.post("/api/v1/components", Map.of("name", unique("Nope")))
                        .status())
                .isEqualTo(403);
        assertThat(agent.patch("/api/v1/components/" + id, Map.of("name", "Renamed"))
                        .status())
                .isEqualTo(403);
        assertThat(reader.post("/api/v1/components/" + id + "/status", Map.of("status", "MAJOR_OUTAGE"))
                        .status())
                .isEqualTo(403);

        var duplicate = admin.post("/api/v1/components", Map.of("name", name.toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.header("Content-Type")).startsWith("application/problem+json");

        var tooLong = admin.post("/api/v1/components", Map.of("name", "x".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.body()).contains("name");
        assertThat(admin.post("/api/v1/components", Map.of("name", "  ")).status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/components", Map.of("name", unique("X"), "status", "ON_FIRE"))
                        .status())
                .isEqualTo(400);

        var moved = agent.post("/api/v1/components/" + id + "/status", Map.of("status", "PARTIAL_OUTAGE"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("status").asString()).isEqualTo("PARTIAL_OUTAGE");
        assertThat(agent.post("/api/v1/components/" + id + "/status", Map.of()).status())
                .isEqualTo(400);
        assertThat(agent.post("/api/v1/components/999999999/status", Map.of("status", "OPERATIONAL"))
                        .status())
                .isEqualTo(404);

        waitForBoard(() -> board.current().components().stream()
                .anyMatch(c -> c.id() == id && c.status().name().equals("PARTIAL_OUTAGE")));

        var renamed = admin.patch("/api/v1/components/" + id, Map.of("name", name + " v2", "group", ""));
        assertThat(renamed.json().get("name").asString()).isEqualTo(name + " v2");
        assertThat(renamed.json().get("group").isNull()).isTrue();
        assertThat(renamed.json().get("description").asString()).as("unchanged").isEqualTo("Public API");

        assertThat(admin.post("/api/v1/components/" + id + "/archive", Map.of())
                        .json()
                        .get("archivedAt")
                        .isNull())
                .isFalse();
        assertThat(reader.get("/api/v1/components").json().get("items").findValuesAsString("name"))
                .doesNotContain(name + " v2");
        assertThat(reader.get("/api/v1/components?archived=true")
                        .json()
                        .get("items")
                        .findValuesAsString("name"))
                .contains(name + " v2");
        waitForBoard(() -> board.current().components().stream().noneMatch(c -> c.id() == id));
        assertThat(admin.post("/api/v1/components", Map.of("name", name + " v2"))
                        .status())
                .as("an archived component's name is free again")
                .isEqualTo(201);
    }

    @Test
    void maintenanceIsScheduledChangedAndCancelledWithItsWindowAndComponentsChecked() {
        var admin = api(AgentRole.ADMIN);
        var agent = api(AgentRole.AGENT);
        long component = admin.post("/api/v1/components", Map.of("name", unique("Database")))
                .json()
                .get("id")
                .asLong();
        Instant from = clock.instant().plus(Duration.ofDays(1));
        Instant until = from.plus(Duration.ofHours(2));

        var backwards = agent.post("/api/v1/maintenances", maintenance("Upgrade", until, from, List.of(component)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("scheduledUntil");
        var unknown =
                agent.post("/api/v1/maintenances", maintenance("Upgrade", from, until, List.of(component, 987654321L)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("componentIds", "987654321");
        assertThat(agent.post("/api/v1/maintenances", maintenance("", from, until, List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(api(AgentRole.READ_ONLY)
                        .post("/api/v1/maintenances", maintenance("Upgrade", from, until, List.of()))
                        .status())
                .isEqualTo(403);

        String title = unique("Upgrade");
        var scheduled =
                agent.post("/api/v1/maintenances", maintenance(title, from, until, List.of(component, component)));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        long id = scheduled.json().get("id").asLong();
        assertThat(scheduled.json().get("componentIds").findValuesAsString("")).isEmpty();
        assertThat(scheduled.json().get("componentIds").size()).isEqualTo(1);
        assertThat(Instant.parse(scheduled.json().get("scheduledFor").asString()))
                .isEqualTo(from);

        var shortened = agent.patch(
                "/api/v1/maintenances/" + id,
                Map.of("scheduledUntil", from.minusSeconds(60).toString()));
        assertThat(shortened.status()).as("until before for").isEqualTo(400);
        var moved = agent.patch(
                "/api/v1/maintenances/" + id, Map.of("body", "**Read-only** for 2 hours", "componentIds", List.of()));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("body").asString()).isEqualTo("**Read-only** for 2 hours");
        assertThat(moved.json().get("componentIds").size()).isZero();
        waitForBoard(() -> board.current().maintenances().stream()
                .anyMatch(m -> m.id() == id && m.body().startsWith("**Read-only**")));

        assertThat(agent.post("/api/v1/maintenances/" + id + "/cancel", Map.of())
                        .json()
                        .get("cancelledAt")
                        .isNull())
                .isFalse();
        assertThat(agent.patch("/api/v1/maintenances/" + id, Map.of("title", "Again"))
                        .status())
                .isEqualTo(409);
        assertThat(agent.get("/api/v1/maintenances").json().get("items").findValuesAsString("title"))
                .doesNotContain(title);
        waitForBoard(() -> board.current().maintenances().stream().noneMatch(m -> m.id() == id));

        assertThat(agent.get("/v3/api-docs").body())
                .contains("/api/v1/components/{id}/status", "/api/v1/maintenances/{id}/cancel", "Status page");
    }

    @Test
    void theAdminPageNamesThePageAddsComponentsAndSchedulesMaintenance() {
        var adminAgent = newAgent(AgentRole.ADMIN);
        var browser = signedIn(adminAgent);
        var page = browser.get("/admin/status", "text/html");
        assertThat(page.status()).isEqualTo(200);
        String csrf = ApiClient.csrfToken(page.body());
        String name = unique("Dashboard");
        assertThat(browser.postForm("/admin/status/components", Map.of("name", name, "group", "Web", "_csrf", csrf))
                        .status())
                .isEqualTo(302);
        var after = browser.get("/admin/status", "text/html");
        assertThat(after.body()).contains(name, "Component added.");
        // a browser sends the page it came from, where the refusal is shown
        var back = Map.of("Referer", "http://localhost:" + port + "/admin/status");
        var duplicate = browser.postForm("/admin/status/components", Map.of("name", name, "_csrf", csrf), back);
        assertThat(duplicate.status()).isEqualTo(302);
        assertThat(browser.get("/admin/status", "text/html").body()).contains("already exists");

        String title = unique("Window");
        assertThat(browser.postForm(
                                "/admin/status/maintenances",
                                Map.of(
                                        "title", title,
                                        "body", "Short",
                                        "scheduledFor", "2031-01-01T10:00",
                                        "scheduledUntil", "2031-01-01T09:00",
                                        "_csrf", csrf),
                                back)
                        .status())
                .isEqualTo(302);
        assertThat(browser.get("/admin/status", "text/html").body())
                .contains("scheduledUntil")
                .doesNotContain(title);
        browser.postForm(
                "/admin/status/maintenances",
                Map.of(
                        "title",
                        title,
                        "scheduledFor",
                        "2031-01-01T10:00",
                        "scheduledUntil",
                        "2031-01-01T12:00",
                        "_csrf",
                        csrf));
        assertThat(browser.get("/admin/status", "text/html").body()).contains(title, "2031-01-01 10:00");

        var agentPage = signedIn(newAgent(AgentRole.AGENT)).get("/admin/status", "text/html");
        assertThat(agentPage.status()).isEqualTo(403);
    }

    private static Map<String, Object> maintenance(String title, Instant from, Instant until, List<Long> components) {
        var map = new HashMap<String, Object>();
        map.put("title", title);
        map.put("body", "We upgrade the database.");
        map.put("scheduledFor", from.toString());
        map.put("scheduledUntil", until.toString());
        map.put("componentIds", components);
        return map;
    }

    /** The board re-reads after the change's transaction commits, on its own thread. */
    @Test
    void aComponentsPositionIsZeroOrMore() {
        var admin = api(AgentRole.ADMIN);
        var negative = admin.post("/api/v1/components", Map.of("name", unique("Before first"), "position", -1));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("position");
        var created = admin.post("/api/v1/components", Map.of("name", unique("First"), "position", 0));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var moved = admin.patch("/api/v1/components/" + id, Map.of("position", -5));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.body()).contains("0 or more");
        assertThat(admin.patch("/api/v1/components/" + id, Map.of("position", 3))
                        .json()
                        .get("position")
                        .asInt())
                .isEqualTo(3);
    }

    private void waitForBoard(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the board followed the change").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
