package org.firstline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Planned work on the public page as the clock moves: it says when it was announced, and while it runs its
 * components show as under maintenance (unless an agent set something worse), in the JSON and on the page.
 */
class MaintenanceWindowIT extends ApiTest {
    @Autowired
    StatusBoard board;

    @Test
    void maintenanceInProgressPutsItsComponentsUnderMaintenanceAndKeepsWhenItWasAnnounced() {
        var admin = api(AgentRole.ADMIN);
        String tag = unique("Window");
        long calm = component(admin, tag + " Calm");
        long broken = component(admin, tag + " Broken");
        long untouched = component(admin, tag + " Untouched");
        admin.post("/api/v1/components/" + broken + "/status", Map.of("status", "MAJOR_OUTAGE"));
        Instant announced = clock.instant();
        Instant from = announced.plus(Duration.ofMinutes(2));
        Instant until = from.plus(Duration.ofMinutes(2));
        var scheduled = admin.post(
                "/api/v1/maintenances",
                Map.of(
                        "title", tag + " database upgrade",
                        "scheduledFor", from.toString(),
                        "scheduledUntil", until.toString(),
                        "componentIds", List.of(calm, broken)));
        assertThat(scheduled.status()).isEqualTo(201);
        String id = "maintenance-" + scheduled.json().get("id").asLong();
        assertThat(board.refresh()).isTrue();

        clock.advance(Duration.ofMinutes(1));
        var maintenance = maintenance(id);
        assertThat(maintenance.get("status").asString()).isEqualTo("scheduled");
        assertThat(Instant.parse(maintenance.get("created_at").asString()))
                .as("created when it was announced, not when it starts")
                .isEqualTo(announced.truncatedTo(ChronoUnit.MICROS));
        assertThat(maintenance.get("scheduled_for").asString()).isEqualTo(from.toString());
        assertThat(componentStatus(calm)).isEqualTo("operational");
        assertThat(pageStatus(tag + " Calm")).isEqualTo("Operational");

        clock.advance(Duration.ofMinutes(2));
        maintenance = maintenance(id);
        assertThat(maintenance.get("status").asString()).isEqualTo("in_progress");
        assertThat(Instant.parse(maintenance.get("created_at").asString()))
                .isEqualTo(announced.truncatedTo(ChronoUnit.MICROS));
        assertThat(componentStatus(calm)).isEqualTo("under_maintenance");
        assertThat(componentStatus(broken)).as("an outage says more").isEqualTo("major_outage");
        assertThat(componentStatus(untouched)).isEqualTo("operational");
        assertThat(StreamSupport.stream(maintenance.get("components").spliterator(), false)
                        .filter(c -> c.get("id").asString().equals(String.valueOf(calm)))
                        .findFirst()
                        .orElseThrow()
                        .get("status")
                        .asString())
                .isEqualTo("under_maintenance");
        assertThat(pageStatus(tag + " Calm")).isEqualTo("Under maintenance");
        assertThat(pageStatus(tag + " Broken")).isEqualTo("Major outage");
        assertThat(pageStatus(tag + " Untouched")).isEqualTo("Operational");

        clock.advance(Duration.ofMinutes(2));
        assertThat(componentStatus(calm)).as("over").isEqualTo("operational");
        assertThat(pageStatus(tag + " Calm")).isEqualTo("Operational");
    }

    private static long component(ApiClient admin, String name) {
        return admin.post("/api/v1/components", Map.of("name", name))
                .json()
                .get("id")
                .asLong();
    }

    private JsonNode summary() {
        var answer = ApiClient.anonymous(port).get("/status/summary.json");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode maintenance(String id) {
        return StreamSupport.stream(summary().get("scheduled_maintenances").spliterator(), false)
                .filter(m -> m.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private String componentStatus(long id) {
        return StreamSupport.stream(summary().get("components").spliterator(), false)
                .filter(c -> c.get("id").asString().equals(String.valueOf(id)))
                .findFirst()
                .orElseThrow()
                .get("status")
                .asString();
    }

    /** The status the page shows next to the component's name. */
    private String pageStatus(String name) {
        String html = ApiClient.anonymous(port).get("/status", "text/html").body();
        var shown = Pattern.compile("<span class=\"name\">" + Pattern.quote(name)
                        + "</span>\\s*<span class=\"component-status[^\"]*\">([^<]+)</span>")
                .matcher(html);
        assertThat(shown.find()).as(name + " on the page").isTrue();
        return shown.group(1);
    }
}
