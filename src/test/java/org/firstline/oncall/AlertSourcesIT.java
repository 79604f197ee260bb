package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.firstline.directory.TeamService;
import org.firstline.oncall.internal.HeartbeatMonitor;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The generic JSON hook, heartbeat monitors, maintenance windows and the editable severity mapping. */
class AlertSourcesIT extends ApiTest {
    @Autowired
    TeamService teams;

    @Autowired
    HeartbeatMonitor heartbeats;

    @Autowired
    AlertEvents events;

    @Test
    void genericAlertsAreDeduplicatedWhileOpenAndResolvedByKey() {
        JsonNode created = AlertmanagerIntakeIT.source(api(AgentRole.ADMIN), teams, "GENERIC", Map.of());
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        String key = unique("disk-full");
        Map<String, Object> firing = Map.of(
                "dedupKey", key,
                "summary", "Disk 95% full on web1",
                "severity", "warning",
                "details", "/var is at 95%",
                "runbookUrl", "https://kb.example.org/disk-full",
                "labels", Map.of("host", "web1"));
        var first = monitor.post("/api/v1/hooks/alerts", firing);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long id = first.json().path("alertId").asLong();
        var again = monitor.post("/api/v1/hooks/alerts", firing);
        assertThat(again.json().path("alertId").asLong()).isEqualTo(id);
        assertThat(again.json().path("opened").asBoolean()).isFalse();

        var agent = api(AgentRole.AGENT);
        JsonNode alert = agent.get("/api/v1/alerts/" + id).json();
        assertThat(alert.path("severity").asString()).isEqualTo("LOW");
        assertThat(alert.path("receipts").asInt()).isEqualTo(2);
        assertThat(alert.path("labels").path("host").asString()).isEqualTo("web1");
        assertThat(alert.path("details").asString()).isEqualTo("/var is at 95%");

        var resolved = monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "status", "resolved"));
        assertThat(resolved.json().path("resolved").asBoolean()).isTrue();
        assertThat(agent.get("/api/v1/alerts/" + id).json().path("status").asString())
                .isEqualTo("RESOLVED");
        assertThat(events.of(id))
                .extracting(AlertEvents.Recorded::kind)
                .containsExactly(AlertEvents.Kind.RAISED, AlertEvents.Kind.RESOLVED);

        var bad = monitor.post("/api/v1/hooks/alerts", Map.of("summary", "no key"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("dedupKey");
        var badLink = monitor.post(
                "/api/v1/hooks/alerts", Map.of("dedupKey", "k", "summary", "s", "runbookUrl", "javascript:alert(1)"));
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(badLink.body()).contains("runbookUrl");
        var badService = monitor.post(
                "/api/v1/hooks/alerts", Map.of("dedupKey", unique("k"), "summary", "s", "serviceId", 999999999));
        assertThat(badService.status()).as(badService.body()).isEqualTo(400);
        assertThat(badService.body()).contains("serviceId");
    }

    @Test
    void aLateHeartbeatRaisesAnAlertAndTheNextPingResolvesIt() {
        JsonNode created = AlertmanagerIntakeIT.source(
                api(AgentRole.ADMIN), teams, "HEARTBEAT", Map.of("heartbeatIntervalSeconds", 300));
        long sourceId = created.path("source").path("id").asLong();
        var cron = ApiClient.bearer(port, created.path("token").asString());
        var agent = api(AgentRole.AGENT);

        var ping = cron.post("/api/v1/hooks/heartbeat/" + sourceId, Map.of());
        assertThat(ping.status()).as(ping.body()).isEqualTo(200);
        assertThat(ApiClient.bearer(port, "fla_nope")
                        .post("/api/v1/hooks/heartbeat/" + sourceId, Map.of())
                        .status())
                .isEqualTo(401);

        clock.advance(Duration.ofSeconds(299));
        heartbeats.step();
        assertThat(open(agent, sourceId)).as("not late yet").isEmpty();

        clock.advance(Duration.ofSeconds(2));
        heartbeats.step();
        heartbeats.step();
        var late = open(agent, sourceId);
        assertThat(late).as("late: one alert, however many steps").hasSize(1);
        assertThat(late.get(0).path("summary").asString()).startsWith("No heartbeat from");
        assertThat(late.get(0).path("severity").asString()).isEqualTo("HIGH");

        clock.advance(Duration.ofMinutes(30));
        heartbeats.step();
        assertThat(open(agent, sourceId))
                .as("still the one alert while pings stay away")
                .hasSize(1);

        assertThat(cron.post("/api/v1/hooks/heartbeat/" + sourceId, Map.of()).status())
                .isEqualTo(200);
        assertThat(open(agent, sourceId)).as("pings resumed").isEmpty();
        long alertId = late.get(0).path("id").asLong();
        assertThat(agent.get("/api/v1/alerts/" + alertId).json().path("status").asString())
                .isEqualTo("RESOLVED");

        clock.advance(Duration.ofSeconds(301));
        heartbeats.step();
        var again = open(agent, sourceId);
        assertThat(again).as("late again: a new alert").hasSize(1);
        assertThat(again.get(0).path("id").asLong()).isNotEqualTo(alertId);
    }

    @Test
    void alertsInAMaintenanceWindowAreRecordedButSuppressed() {
        JsonNode created = AlertmanagerIntakeIT.source(api(AgentRole.ADMIN), teams, "GENERIC", Map.of());
        long sourceId = created.path("source").path("id").asLong();
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        var agent = api(AgentRole.AGENT);
        var window = agent.post(
                "/api/v1/maintenance-windows",
                Map.of(
                        "sourceId",
                        sourceId,
                        "startsAt",
                        clock.instant().minusSeconds(60).toString(),
                        "endsAt",
                        clock.instant().plus(Duration.ofHours(1)).toString(),
                        "reason",
                        "database upgrade"));
        assertThat(window.status()).as(window.body()).isEqualTo(201);

        String key = unique("db-down");
        long during = monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "summary", "Database down"))
                .json()
                .path("alertId")
                .asLong();
        assertThat(agent.get("/api/v1/alerts/" + during)
                        .json()
                        .path("suppressed")
                        .asBoolean())
                .isTrue();
        assertThat(agent.get("/api/v1/alerts?suppressed=false&source=" + sourceId)
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(agent.get("/api/v1/alerts/noisy?limit=100")
                        .json()
                        .path("items")
                        .findValuesAsString("dedupKey"))
                .doesNotContain(key);
        monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "status", "resolved"));

        clock.advance(Duration.ofHours(2));
        long after = monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "summary", "Database down"))
                .json()
                .path("alertId")
                .asLong();
        assertThat(after).isNotEqualTo(during);
        assertThat(agent.get("/api/v1/alerts/" + after)
                        .json()
                        .path("suppressed")
                        .asBoolean())
                .as("after the window")
                .isFalse();
    }

    @Test
    void theSeverityMappingIsEditable() {
        var admin = api(AgentRole.ADMIN);
        JsonNode before = admin.get("/api/v1/alert-severities").json().path("mapping");
        assertThat(before.path("critical").asString()).isEqualTo("CRITICAL");
        assertThat(before.path("warning").asString()).isEqualTo("LOW");
        assertThat(before.path("*").asString()).isEqualTo("HIGH");
        JsonNode created = AlertmanagerIntakeIT.source(admin, teams, "GENERIC", Map.of());
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        var agent = api(AgentRole.AGENT);
        try {
            assertThat(agent.put("/api/v1/alert-severities", Map.of("mapping", Map.of("*", "LOW")))
                            .status())
                    .isEqualTo(403);
            assertThat(admin.put("/api/v1/alert-severities", Map.of("mapping", Map.of("warning", "HIGH")))
                            .status())
                    .as("the fallback is required")
                    .isEqualTo(400);
            var edited = admin.put(
                    "/api/v1/alert-severities",
                    Map.of("mapping", Map.of("Warning", "HIGH", "sev1", "CRITICAL", "*", "INFO")));
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(edited.json().path("mapping").path("warning").asString()).isEqualTo("HIGH");
            assertThat(severity(agent, monitor, "warning")).isEqualTo("HIGH");
            assertThat(severity(agent, monitor, "SEV1")).isEqualTo("CRITICAL");
            assertThat(severity(agent, monitor, "critical"))
                    .as("no longer mapped: the fallback")
                    .isEqualTo("INFO");
        } finally {
            var restore = new java.util.HashMap<String, Object>();
            before.properties()
                    .forEach(e -> restore.put(e.getKey(), e.getValue().asString()));
            assertThat(admin.put("/api/v1/alert-severities", Map.of("mapping", restore))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(severity(agent, monitor, "critical")).isEqualTo("CRITICAL");
    }

    private String severity(ApiClient agent, ApiClient monitor, String label) {
        var posted = monitor.post(
                "/api/v1/hooks/alerts", Map.of("dedupKey", unique("sev"), "summary", "s", "severity", label));
        return agent.get("/api/v1/alerts/" + posted.json().path("alertId").asLong())
                .json()
                .path("severity")
                .asString();
    }

    private static java.util.List<JsonNode> open(ApiClient agent, long sourceId) {
        var items = agent.get("/api/v1/alerts?status=FIRING&source=" + sourceId)
                .json()
                .path("items");
        var list = new java.util.ArrayList<JsonNode>();
        items.forEach(list::add);
        return list;
    }

    @Test
    void aSourceCannotPageThroughAPolicyThatDoesNotExistAndAPolicyInUseIsNotDeleted() {
        var admin = api(AgentRole.ADMIN);
        long team = teams.create(new org.firstline.directory.TeamForm(unique("Ops"), "", java.util.List.of()))
                .id();
        var missing = admin.post(
                "/api/v1/alert-sources",
                Map.of(
                        "name",
                        unique("Prometheus"),
                        "kind",
                        "ALERTMANAGER",
                        "teamId",
                        team,
                        "escalationPolicyId",
                        999_999_999));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("escalationPolicyId");
        long policy = admin.post(
                        "/api/v1/escalation-policies",
                        Map.of(
                                "name",
                                unique("Operations"),
                                "steps",
                                java.util.List.of(Map.of(
                                        "targets", java.util.List.of(Map.of("kind", "TEAM_CHANNEL", "teamId", team))))))
                .json()
                .get("id")
                .asLong();

        // on the admin page: a source made with its policy; a bad name is named as such
        var browser = signedIn(newAgent(AgentRole.ADMIN));
        var page = browser.get("/admin/alerts", "text/html");
        assertThat(page.body()).contains("Pages through");
        String csrf = ApiClient.csrfToken(page.body());
        var referer = Map.of("Referer", "http://localhost:" + port + "/admin/alerts");
        String name = unique("Grafana");
        assertThat(browser.postForm(
                                "/admin/alerts/sources",
                                Map.of(
                                        "name",
                                        name,
                                        "kind",
                                        "ALERTMANAGER",
                                        "teamId",
                                        String.valueOf(team),
                                        "escalationPolicyId",
                                        String.valueOf(policy),
                                        "_csrf",
                                        csrf),
                                referer)
                        .status())
                .isEqualTo(302);
        assertThat(browser.get("/admin/alerts", "text/html").body()).contains("Alert source " + name + " made");
        var made = admin.get("/api/v1/alert-sources").body();
        assertThat(made).contains(name).contains("\"escalationPolicyId\":" + policy);
        browser.postForm(
                "/admin/alerts/sources",
                Map.of("name", "x".repeat(300), "kind", "ALERTMANAGER", "teamId", String.valueOf(team), "_csrf", csrf),
                referer);
        assertThat(browser.get("/admin/alerts", "text/html").body()).contains("Name must be at most 100 characters");

        var refused = admin.delete("/api/v1/escalation-policies/" + policy);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains(name);
    }
}
