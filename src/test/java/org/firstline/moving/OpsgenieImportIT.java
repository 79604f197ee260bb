package org.firstline.moving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.EscalationTarget;
import org.firstline.platform.AgentRole;
import org.firstline.rota.Duties;
import org.firstline.rota.OnShift;
import org.firstline.rota.Rotations;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A team leaving Opsgenie: its schedules, overrides and escalations, previewed, then brought over once. */
class OpsgenieImportIT extends ApiTest {
    @Autowired
    Rotations rotations;

    @Autowired
    Duties duties;

    @Autowired
    EscalationPolicies policies;

    @Autowired
    TeamService teams;

    String suffix;
    String team;
    AgentView ann;
    AgentView bob;
    AgentView cat;
    ApiClient admin;

    @BeforeEach
    void people() {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        suffix = UUID.randomUUID().toString().substring(0, 8);
        team = "Technical operations " + suffix;
        teams.create(new TeamForm(team, "", List.of()));
        ann = newAgent(AgentRole.AGENT);
        bob = newAgent(AgentRole.AGENT);
        cat = newAgent(AgentRole.AGENT);
        admin = api(AgentRole.ADMIN);
    }

    private String export(boolean dryRun) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/opsgenie/export.json")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"dryRun\": true", "\"dryRun\": " + dryRun)
                    .replace("{{suffix}}", suffix)
                    .replace("{{team}}", team)
                    .replace("{{ann}}", ann.email().toUpperCase())
                    .replace("{{bob}}", bob.email())
                    .replace("{{cat}}", cat.email());
        }
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private boolean rotaNamed(String name) {
        return rotations.list().stream().anyMatch(r -> r.name().equals(name));
    }

    @Test
    void aDryRunShowsEverythingItWouldCreateAndWritesNothing() throws IOException {
        var report = admin.postRaw("/api/v1/imports/opsgenie", export(true));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var json = report.json();
        assertThat(json.get("dryRun").asBoolean()).isTrue();

        var rotas = json.get("rotas");
        assertThat(rotas.size()).isEqualTo(2);
        var onCall = rotas.get(0);
        assertThat(onCall.get("name").asString()).isEqualTo("dxw On call " + suffix);
        assertThat(onCall.get("status").asString()).isEqualTo("will be created");
        assertThat(onCall.get("id").isNull()).isTrue();
        assertThat(onCall.get("handoffDay").asString()).isEqualTo("WEDNESDAY");
        assertThat(onCall.get("team").asString())
                .as("the schedule's owner team")
                .isEqualTo(team);
        assertThat(onCall.get("handoffTime").asString()).isEqualTo("10:00");
        assertThat(onCall.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(onCall.get("shiftDays").asInt()).isEqualTo(7);
        assertThat(texts(onCall.get("members")))
                .containsExactly(
                        ann.displayName() + " <" + ann.email() + ">", bob.displayName() + " <" + bob.email() + ">");
        var seniors = rotas.get(1);
        assertThat(seniors.get("name").asString()).isEqualTo("dxw Second line " + suffix + " — Seniors");
        assertThat(seniors.get("handoffTime").asString()).isEqualTo("09:30");
        assertThat(texts(seniors.get("members"))).containsExactly(cat.displayName() + " <" + cat.email() + ">");

        var override = json.get("overrides").get(0);
        assertThat(override.get("person").asString()).contains(cat.email());
        assertThat(override.get("status").asString()).isEqualTo("will be created");

        var policy = json.get("policies").get(0);
        assertThat(policy.get("name").asString()).isEqualTo("dxw escalation " + suffix);
        assertThat(policy.get("repeatCount").asInt()).isEqualTo(1);
        var steps = policy.get("steps");
        assertThat(steps.size()).isEqualTo(3);
        assertThat(steps.get(0).get("delayMinutes").asInt()).isEqualTo(5);
        assertThat(texts(steps.get(0).get("targets"))).containsExactly("rota dxw On call " + suffix);
        assertThat(steps.get(1).get("delayMinutes").asInt()).isEqualTo(10);
        assertThat(texts(steps.get(1).get("targets"))).containsExactly("rota dxw Second line " + suffix + " — Seniors");
        assertThat(steps.get(2).get("delayMinutes").asInt()).isEqualTo(10);
        assertThat(texts(steps.get(2).get("targets"))).containsExactly("team channel " + team, "agent " + ann.email());

        var warnings = String.join("\n", texts(json.get("warnings")));
        assertThat(warnings)
                .contains("Unknown user nobody-" + suffix + "@elsewhere.example (Nobody Known)")
                .contains("Nights: hourly rotations cannot be imported")
                .contains("if-not-closed");

        // nothing was written
        assertThat(rotaNamed("dxw On call " + suffix)).isFalse();
        assertThat(policies.list()).noneMatch(p -> p.name().equals("dxw escalation " + suffix));
    }

    @Test
    void aRealRunCreatesRotasOverridesAndPoliciesOnceAndAgainReportsThemExisting() throws IOException {
        var report = admin.postRaw("/api/v1/imports/opsgenie", export(false));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var json = report.json();
        assertThat(json.get("rotas").get(0).get("status").asString()).isEqualTo("created");
        long onCallId = json.get("rotas").get(0).get("id").asLong();
        long seniorsId = json.get("rotas").get(1).get("id").asLong();
        long policyId = json.get("policies").get(0).get("id").asLong();

        // ann's first week, but cat covers the 3rd of December by override
        assertThat(duties.onShift(onCallId, Instant.parse("2026-12-02T12:00:00Z")))
                .extracting(OnShift::agentId)
                .containsExactly(ann.id());
        assertThat(duties.onShift(onCallId, Instant.parse("2026-12-03T12:00:00Z")))
                .extracting(OnShift::agentId)
                .containsExactly(cat.id());
        assertThat(duties.onShift(onCallId, Instant.parse("2026-12-09T12:00:00Z")))
                .extracting(OnShift::agentId)
                .containsExactly(bob.id());
        // planned from its next handoff, Wednesday 09:30 London
        assertThat(duties.onShift(seniorsId, Instant.parse("2026-12-02T12:00:00Z")))
                .extracting(OnShift::agentId)
                .containsExactly(cat.id());

        assertThat(rotations.get(onCallId).teamId())
                .as("the schedule's owner team")
                .isEqualTo(teams.list().stream()
                        .filter(t -> t.name().equals(team))
                        .findFirst()
                        .orElseThrow()
                        .id());

        var policy = policies.get(policyId);
        assertThat(policy.repeatCount()).isEqualTo(1);
        assertThat(policy.teamId()).isNotNull();
        assertThat(policy.steps()).hasSize(3);
        assertThat(policy.steps().get(0).delayMinutes()).isEqualTo(5);
        assertThat(policy.steps().get(0).targets()).containsExactly(EscalationTarget.rota(onCallId));
        assertThat(policy.steps().get(1).targets()).containsExactly(EscalationTarget.rota(seniorsId));
        assertThat(policy.steps().get(2).targets())
                .containsExactlyInAnyOrder(EscalationTarget.channel(policy.teamId()), EscalationTarget.agent(ann.id()));

        var again = admin.postRaw("/api/v1/imports/opsgenie", export(false)).json();
        assertThat(again.get("rotas").get(0).get("status").asString()).isEqualTo("exists already");
        assertThat(again.get("rotas").get(0).get("id").asLong()).isEqualTo(onCallId);
        assertThat(again.get("overrides").get(0).get("status").asString()).isEqualTo("exists already");
        assertThat(again.get("policies").get(0).get("status").asString()).isEqualTo("exists already");
        assertThat(rotations.list().stream().filter(r -> r.name().equals("dxw On call " + suffix)))
                .hasSize(1);
        assertThat(policies.list().stream().filter(p -> p.name().equals("dxw escalation " + suffix)))
                .hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsKept() throws IOException {
        var broken = admin.postRaw("/api/v1/imports/opsgenie", "{\"dryRun\": false, \"schedules\": [");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.header("Content-Type")).contains("application/problem+json");

        var unknown = admin.postRaw(
                "/api/v1/imports/opsgenie",
                export(false).replace("\"alias\": \"ann-at-the-dentist\",", "\"alias\": \"x\", \"colour\": \"red\","));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("colour");
        assertThat(rotaNamed("dxw On call " + suffix)).isFalse();

        // a bad date late in the export: the rotas made before it are rolled back too
        var badDate = admin.postRaw(
                "/api/v1/imports/opsgenie",
                export(false).replace("\"endDate\": \"2026-12-04T00:00:00Z\"", "\"endDate\": \"soon\""));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("overrides[0].endDate");
        assertThat(rotaNamed("dxw On call " + suffix)).isFalse();

        var badDuty = admin.postRaw("/api/v1/imports/opsgenie", "{\"dryRun\": true, \"duty\": \"NAPPING\"}");
        assertThat(badDuty.status()).isEqualTo(400);
        assertThat(badDuty.body()).contains("duty");
        var onCall = admin.postRaw("/api/v1/imports/opsgenie", "{\"dryRun\": true, \"duty\": \"ON_CALL\"}");
        assertThat(onCall.status()).isEqualTo(400);
        assertThat(onCall.body()).contains("import as SECOND_LINE");
    }

    @Test
    void onlyAdminsImport() throws IOException {
        assertThat(api(AgentRole.AGENT)
                        .postRaw("/api/v1/imports/opsgenie", export(true))
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port)
                        .postRaw("/api/v1/imports/opsgenie", export(true))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theImportPagePreviewsThenImports() throws IOException {
        var adminAgent = newAgent(AgentRole.ADMIN);
        var browser = signedIn(adminAgent);
        String page = browser.get("/admin/import", "text/html").body();
        assertThat(page).contains("Import from Opsgenie").contains("name=\"export\"");
        var preview = browser.postForm(
                "/admin/import",
                java.util.Map.of("_csrf", ApiClient.csrfToken(page), "export", export(false), "action", "preview"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body())
                .contains("What the import would create")
                .contains("dxw On call " + suffix)
                .contains("<td>" + team + "</td>");
        assertThat(rotaNamed("dxw On call " + suffix)).isFalse();
        var imported = browser.postForm(
                "/admin/import",
                java.util.Map.of("_csrf", ApiClient.csrfToken(page), "export", export(true), "action", "import"));
        assertThat(imported.body()).contains("Imported").contains("created");
        assertThat(rotaNamed("dxw On call " + suffix)).isTrue();
        var broken = browser.postForm(
                "/admin/import", java.util.Map.of("_csrf", ApiClient.csrfToken(page), "export", "{\"schedules\": ["));
        assertThat(broken.body()).contains("The JSON cannot be read").doesNotContain("StreamReadFeature");
        var unknown = browser.postForm(
                "/admin/import",
                java.util.Map.of("_csrf", ApiClient.csrfToken(page), "export", "{\"schedules\": [], \"bogus\": 1}"));
        assertThat(unknown.body())
                .contains("Unknown field")
                .contains("bogus")
                .doesNotContain("org.firstline")
                .doesNotContain("class ");
        assertThat(signedIn(newAgent(AgentRole.AGENT))
                        .get("/admin/import", "text/html")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theExampleInTheDocsPreviews() throws IOException {
        String example = java.nio.file.Files.readString(java.nio.file.Path.of("docs/examples/opsgenie-export.json"));
        var report = admin.postRaw("/api/v1/imports/opsgenie", example);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("dryRun").asBoolean()).isTrue();
        assertThat(report.json().get("rotas")).isNotEmpty();
        assertThat(report.json().get("policies")).isNotEmpty();
    }
}
