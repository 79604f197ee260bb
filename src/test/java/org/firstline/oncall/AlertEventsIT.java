package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.TeamService;
import org.firstline.oncall.internal.AlertIntake;
import org.firstline.oncall.internal.AlertSourceTokens;
import org.firstline.oncall.internal.SourceRef;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.ObjectMapper;

/** What the escalation engine is told: one AlertRaised per opening, one AlertResolved, and the service's windows. */
@RecordApplicationEvents
class AlertEventsIT extends ApiTest {
    @Autowired
    TeamService teams;

    @Autowired
    OrganizationService organizations;

    @Autowired
    AlertIntake intake;

    @Autowired
    AlertSourceTokens tokens;

    @Autowired
    AlertEvents records;

    @Autowired
    ObjectMapper json;

    @Autowired
    ApplicationEvents published;

    @Test
    void anAlertIsRaisedOnceAndResolvedOnceWhateverIsResent() {
        var admin = api(AgentRole.ADMIN);
        long organization = admin.post("/api/v1/organizations", Map.of("name", unique("Acme")))
                .json()
                .path("id")
                .asLong();
        long service = organizations
                .addService(organization, unique("Shop"), List.of())
                .id();
        var created = AlertmanagerIntakeIT.source(admin, teams, "GENERIC", Map.of("serviceId", service));
        assertThat(created.path("source").path("organizationId").asLong())
                .as("the service's organization")
                .isEqualTo(organization);
        SourceRef source = tokens.resolve(created.path("token").asString()).orElseThrow();
        String key = unique("api-5xx");
        String firing = "{\"dedupKey\": \"" + key + "\", \"summary\": \"API errors\", \"severity\": \"critical\"}";

        long id = intake.generic(source, json.readTree(firing)).alertId();
        intake.generic(source, json.readTree(firing));
        intake.generic(source, json.readTree("{\"dedupKey\": \"" + key + "\", \"status\": \"resolved\"}"));
        intake.generic(source, json.readTree("{\"dedupKey\": \"" + key + "\", \"status\": \"resolved\"}"));

        var raised = published.stream(AlertRaised.class)
                .filter(e -> e.alertId() == id)
                .toList();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(raised.get(0).serviceId()).isEqualTo(service);
        assertThat(raised.get(0).teamId())
                .isEqualTo(created.path("source").path("teamId").asLong());
        assertThat(raised.get(0).sourceId()).isEqualTo(source.id());
        assertThat(raised.get(0).suppressed()).isFalse();
        assertThat(published.stream(AlertResolved.class).filter(e -> e.alertId() == id))
                .hasSize(1);
        var recorded = records.of(id);
        assertThat(recorded)
                .extracting(AlertEvents.Recorded::kind)
                .containsExactly(AlertEvents.Kind.RAISED, AlertEvents.Kind.RESOLVED);
        assertThat(records.unhandled(10000))
                .extracting(AlertEvents.Recorded::alertId)
                .contains(id);
        records.markHandled(recorded.stream().map(AlertEvents.Recorded::id).toList());
        assertThat(records.unhandled(10000))
                .extracting(AlertEvents.Recorded::alertId)
                .doesNotContain(id);
    }

    @Test
    void aServicesMaintenanceWindowSuppressesTheAlertsOfEverySourceOfIt() {
        var admin = api(AgentRole.ADMIN);
        long organization = admin.post("/api/v1/organizations", Map.of("name", unique("Globex")))
                .json()
                .path("id")
                .asLong();
        long service = organizations
                .addService(organization, unique("Portal"), List.of())
                .id();
        var created = AlertmanagerIntakeIT.source(admin, teams, "GENERIC", Map.of("serviceId", service));
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        var agent = api(AgentRole.AGENT);
        assertThat(agent.post(
                                "/api/v1/maintenance-windows",
                                Map.of(
                                        "serviceId", service,
                                        "startsAt", clock.instant().toString(),
                                        "endsAt",
                                                clock.instant()
                                                        .plus(Duration.ofMinutes(30))
                                                        .toString()))
                        .status())
                .isEqualTo(201);
        long during = monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", unique("k"), "summary", "Portal slow"))
                .json()
                .path("alertId")
                .asLong();
        assertThat(agent.get("/api/v1/alerts/" + during)
                        .json()
                        .path("suppressed")
                        .asBoolean())
                .isTrue();
        var bad = agent.post(
                "/api/v1/maintenance-windows",
                Map.of(
                        "serviceId",
                        service,
                        "startsAt",
                        clock.instant().toString(),
                        "endsAt",
                        clock.instant().toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("endsAt");
    }
}
