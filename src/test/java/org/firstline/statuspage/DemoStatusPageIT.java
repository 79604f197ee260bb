package org.firstline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import org.firstline.incident.StatusBoard;
import org.firstline.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo comes with a status page to look at: grouped components, yesterday's incident, next week's maintenance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "firstline.demo-data=true")
class DemoStatusPageIT {
    @LocalServerPort
    int port;

    @Autowired
    StatusBoard board;

    @Test
    void theDemoHasAStatusPage() {
        assertThat(board.refresh()).isTrue();
        var summary = ApiClient.anonymous(port).get("/status/summary.json").json();
        assertThat(summary.get("page").get("name").asString()).isEqualTo("Firstline Cloud");
        assertThat(summary.get("status").get("indicator").asString()).isEqualTo("none");
        assertThat(summary.get("components").findValuesAsString("name"))
                .contains("Desk", "Platform", "Web app", "Databases");
        assertThat(summary.get("scheduled_maintenances").get(0).get("name").asString())
                .isEqualTo("Database upgrade");
        assertThat(ApiClient.anonymous(port).get("/status", "text/html").body())
                .contains("All Systems Operational", "Slow deploys", "Deploys are back to their usual speed.");
    }
}
