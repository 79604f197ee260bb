package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Alertmanager's webhook, with payloads as its documentation shows them: fired, resent, resolved part by part, fired again. */
class AlertmanagerIntakeIT extends ApiTest {
    @Autowired
    TeamService teams;

    @Autowired
    AlertEvents events;

    static String fixture(String name, String groupKey) throws IOException {
        try (InputStream in = AlertmanagerIntakeIT.class.getResourceAsStream("/alertmanager/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{}/{severity=\\\"critical\\\"}:{alertname=\\\"ProbeFailure\\\"}", groupKey);
        }
    }

    /** A new source of this kind; returns its token. */
    static JsonNode source(ApiClient admin, TeamService teams, String kind, Map<String, Object> extra) {
        long team = teams.create(new TeamForm(unique("Ops"), "", List.of())).id();
        var body = new java.util.HashMap<String, Object>(
                Map.of("name", unique("Prometheus"), "kind", kind, "teamId", team));
        body.putAll(extra);
        var created = admin.post("/api/v1/alert-sources", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void aGroupFiresOnceHoweverOftenItIsResentAndResolvesWhenAllItsAlertsDo() throws IOException {
        JsonNode created = source(api(AgentRole.ADMIN), teams, "ALERTMANAGER", Map.of());
        String token = created.path("token").asString();
        assertThat(token).startsWith("fla_");
        var alertmanager = ApiClient.bearer(port, token);
        String key = unique("group");

        var fired = alertmanager.postRaw("/api/v1/hooks/alertmanager", fixture("firing.json", key));
        assertThat(fired.status()).as(fired.body()).isEqualTo(200);
        assertThat(fired.json().path("opened").asBoolean()).isTrue();
        long id = fired.json().path("alertId").asLong();

        var resent = alertmanager.postRaw("/api/v1/hooks/alertmanager", fixture("firing.json", key));
        assertThat(resent.json().path("alertId").asLong()).isEqualTo(id);
        assertThat(resent.json().path("opened").asBoolean()).isFalse();

        var agent = api(AgentRole.AGENT);
        JsonNode alert = agent.get("/api/v1/alerts/" + id).json();
        assertThat(alert.path("status").asString()).isEqualTo("FIRING");
        assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alert.path("receipts").asInt()).isEqualTo(2);
        assertThat(alert.path("summary").asString()).isEqualTo("BlackBox Probe Failure: https://server.example.org");
        assertThat(alert.path("runbookUrl").asString()).isEqualTo("https://runbooks.example.org/probe-failure");
        assertThat(alert.path("sourceId").asLong())
                .isEqualTo(created.path("source").path("id").asLong());
        assertThat(alert.path("parts")).hasSize(2);
        assertThat(events.of(id)).extracting(AlertEvents.Recorded::kind).containsExactly(AlertEvents.Kind.RAISED);

        var partly = alertmanager.postRaw("/api/v1/hooks/alertmanager", fixture("partly-resolved.json", key));
        assertThat(partly.json().path("resolved").asBoolean()).isFalse();
        alert = agent.get("/api/v1/alerts/" + id).json();
        assertThat(alert.path("status").asString())
                .as("one of two alerts still fires")
                .isEqualTo("FIRING");
        assertThat(alert.path("parts").findValuesAsString("status")).containsExactly("FIRING", "RESOLVED");

        var resolved = alertmanager.postRaw("/api/v1/hooks/alertmanager", fixture("resolved.json", key));
        assertThat(resolved.json().path("resolved").asBoolean()).isTrue();
        alert = agent.get("/api/v1/alerts/" + id).json();
        assertThat(alert.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(alert.path("parts")).hasSize(2);
        assertThat(events.of(id))
                .extracting(AlertEvents.Recorded::kind)
                .containsExactly(AlertEvents.Kind.RAISED, AlertEvents.Kind.RESOLVED);

        var resolvedAgain = alertmanager.postRaw("/api/v1/hooks/alertmanager", fixture("resolved.json", key));
        assertThat(resolvedAgain.status()).isEqualTo(200);
        assertThat(resolvedAgain.json().path("alertId").isNull())
                .as("no open alert to resolve")
                .isTrue();

        var refired = alertmanager.postRaw("/api/v1/hooks/alertmanager", fixture("firing.json", key));
        long second = refired.json().path("alertId").asLong();
        assertThat(refired.json().path("opened").asBoolean()).isTrue();
        assertThat(second).as("a firing after resolution is a new alert").isNotEqualTo(id);
        assertThat(agent.get("/api/v1/alerts/" + id).json().path("status").asString())
                .isEqualTo("RESOLVED");
        var list = agent.get("/api/v1/alerts?source="
                        + created.path("source").path("id").asLong())
                .json();
        assertThat(list.path("items").findValuesAsString("dedupKey")).containsExactly(key, key);
        assertThat(agent.get("/api/v1/alerts?status=FIRING&source="
                                + created.path("source").path("id").asLong())
                        .json()
                        .path("items")
                        .findValues("id"))
                .extracting(JsonNode::asLong)
                .containsExactly(second);
    }

    @Test
    void onlyTheSourcesCurrentTokenIsLetIn() throws IOException {
        var admin = api(AgentRole.ADMIN);
        JsonNode created = source(admin, teams, "ALERTMANAGER", Map.of());
        String token = created.path("token").asString();
        long sourceId = created.path("source").path("id").asLong();
        String body = fixture("firing.json", unique("group"));

        var none = ApiClient.anonymous(port).postRaw("/api/v1/hooks/alertmanager", body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ApiClient.bearer(port, "fla_wrong")
                        .postRaw("/api/v1/hooks/alertmanager", body)
                        .status())
                .isEqualTo(401);
        assertThat(ApiClient.basic(port, "alertmanager", "fla_wrong")
                        .postRaw("/api/v1/hooks/alertmanager", body)
                        .status())
                .isEqualTo(401);
        var agentToken = api(AgentRole.ADMIN).postRaw("/api/v1/hooks/alertmanager", body);
        assertThat(agentToken.status())
                .as("an agent's API token is not a source's")
                .isEqualTo(401);

        var basic = ApiClient.basic(port, "alertmanager", token).postRaw("/api/v1/hooks/alertmanager", body);
        assertThat(basic.status())
                .as("the token as Basic password: " + basic.body())
                .isEqualTo(200);

        var rotated = admin.post("/api/v1/alert-sources/" + sourceId + "/token", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(ApiClient.bearer(port, token)
                        .postRaw("/api/v1/hooks/alertmanager", body)
                        .status())
                .as("the replaced token")
                .isEqualTo(401);
        String newToken = rotated.json().path("token").asString();
        assertThat(ApiClient.bearer(port, newToken)
                        .postRaw("/api/v1/hooks/alertmanager", body)
                        .status())
                .isEqualTo(200);

        var generic = source(admin, teams, "GENERIC", Map.of());
        assertThat(ApiClient.bearer(port, generic.path("token").asString())
                        .postRaw("/api/v1/hooks/alertmanager", body)
                        .status())
                .as("a generic source's token does not post Alertmanager groups")
                .isEqualTo(403);

        assertThat(admin.delete("/api/v1/alert-sources/" + sourceId).status()).isEqualTo(204);
        assertThat(ApiClient.bearer(port, newToken)
                        .postRaw("/api/v1/hooks/alertmanager", body)
                        .status())
                .as("a deleted source")
                .isEqualTo(401);
        assertThat(api(AgentRole.AGENT).get("/api/v1/alert-sources").status()).isEqualTo(403);
    }

    @Test
    void hostileBodiesAreRefusedNamingTheFieldAndNeverBreakIn() throws IOException {
        JsonNode created = source(api(AgentRole.ADMIN), teams, "ALERTMANAGER", Map.of());
        var alertmanager = ApiClient.bearer(port, created.path("token").asString());
        String good = fixture("firing.json", unique("group"));
        Map<String, String> cases = Map.of(
                "{not json",
                "body",
                "",
                "body",
                "[1,2]",
                "body",
                good.replace("\"groupKey\"", "\"groupKeyX\""),
                "groupKey",
                good.replace("\"version\": \"4\"", "\"version\": \"5\""),
                "version",
                good.replace(
                        "\"job\": \"http_checks\",\n        \"monitor\"", "\"job\": {\"a\": 1},\n        \"monitor\""),
                "alerts[0].labels.job",
                good.replace(
                        "\"instance\": \"https://server.example.org\"", "\"instance\": \"" + "x".repeat(5000) + "\""),
                "alerts[0].labels.instance",
                good.replace("\"startsAt\": \"2023-02-06T13:08:45.828Z\"", "\"startsAt\": \"soon\""),
                "alerts[0].startsAt",
                good.replace("\"status\": \"firing\",\n  \"alerts\"", "\"status\": 7,\n  \"alerts\""),
                "status");
        for (var c : cases.entrySet()) {
            var response = alertmanager.postRaw("/api/v1/hooks/alertmanager", c.getKey());
            assertThat(response.status())
                    .as(c.getValue() + ": " + response.body())
                    .isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.body()).contains(c.getValue());
        }
        var many = new StringBuilder("{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[");
        for (int i = 0; i < 1001; i++) many.append(i == 0 ? "" : ",").append("{\"status\":\"firing\"}");
        var tooMany = alertmanager.postRaw(
                "/api/v1/hooks/alertmanager", many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("alerts");

        String nul = good.replace("BlackBox Probe Failure: https://server.example.org", "Probe\\u0000 failed");
        var cleaned = alertmanager.postRaw("/api/v1/hooks/alertmanager", nul);
        assertThat(cleaned.status()).as(cleaned.body()).isEqualTo(200);
        assertThat(api(AgentRole.AGENT)
                        .get("/api/v1/alerts/" + cleaned.json().path("alertId").asLong())
                        .json()
                        .path("summary")
                        .asString())
                .isEqualTo("Probe failed");
    }
}
