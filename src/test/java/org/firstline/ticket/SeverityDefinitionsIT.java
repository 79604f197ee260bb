package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 2i2c defines "critical" by its impact on users and its impact levels in words; dxw keeps prioritisation definitions
 * per client. Firstline keeps one definition of critical and the words per plan, shown where the triager sets them.
 */
class SeverityDefinitionsIT extends ApiTest {
    @Autowired
    OrganizationService organizations;

    @Autowired
    SeverityDefinitions definitions;

    @AfterEach
    void restoreTheDefaultDefinitionOfCritical() {
        definitions.defineCritical(Impact.MAJOR, definitions.critical().meaning());
    }

    @Test
    void twoI2cCriticalIsOneDefinitionByImpactThatAdminsCanMoveAndEveryTicketFollows() {
        var agent = api(AgentRole.AGENT);
        var admin = api(AgentRole.ADMIN);
        var read = agent.get("/api/v1/definitions");
        assertThat(read.json().get("critical").get("minimumImpact").asString()).isEqualTo("MAJOR");
        assertThat(read.json().get("critical").get("meaning").asString()).contains("workflow");
        long degraded = agent.post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Profiles slow",
                                "body",
                                "Spawning takes minutes",
                                "impact",
                                "DEGRADED",
                                "priority",
                                "CRITICAL",
                                "requester",
                                Map.of("email", unique("r") + "@example.org")))
                .json()
                .get("id")
                .asLong();
        long major = agent.post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Storage full",
                                "body",
                                "Users cannot save",
                                "impact",
                                "MAJOR",
                                "priority",
                                "LOW",
                                "requester",
                                Map.of("email", unique("r") + "@example.org")))
                .json()
                .get("id")
                .asLong();
        assertThat(agent.get("/api/v1/tickets/" + degraded)
                        .json()
                        .get("critical")
                        .asBoolean())
                .as("priority is urgency for the SLA; critical is the impact on users")
                .isFalse();
        assertThat(agent.get("/api/v1/tickets/" + major).json().get("critical").asBoolean())
                .isTrue();

        assertThat(agent.put("/api/v1/definitions/critical", Map.of("minimumImpact", "DEGRADED", "meaning", "x"))
                        .status())
                .isEqualTo(403);
        var moved = admin.put(
                "/api/v1/definitions/critical",
                Map.of("minimumImpact", "DEGRADED", "meaning", "Any degraded workflow."));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(agent.get("/api/v1/tickets/" + degraded)
                        .json()
                        .get("critical")
                        .asBoolean())
                .isTrue();
        var refused =
                admin.put("/api/v1/definitions/critical", Map.of("minimumImpact", "NONE", "meaning", "Everything."));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("minimumImpact").contains("must be one of MINOR");
    }

    @Test
    void dxwEachClientsPlanHasItsOwnPriorityWordsShownOnItsTicketsOthersKeepTheDefault() {
        var admin = api(AgentRole.ADMIN);
        long plan = organizations
                .createPlan(unique("Hospital plan"), "", 10, "MONTH", false)
                .id();
        String domain = unique("nhs") + ".example";
        organizations.create(new org.firstline.directory.OrganizationForm(
                unique("Hospital"), plan, java.util.List.of(domain), false, null, ""));
        var saved = admin.put(
                "/api/v1/definitions/PRIORITY/HIGH",
                Map.of("planId", plan, "meaning", "Clinicians cannot work on a ward."));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var forPlan = admin.get("/api/v1/definitions?planId=" + plan).json().get("priorities");
        assertThat(forPlan.get(1).get("level").asString()).isEqualTo("HIGH");
        assertThat(forPlan.get(1).get("meaning").asString()).isEqualTo("Clinicians cannot work on a ward.");
        assertThat(forPlan.get(1).get("ownedByPlan").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/definitions")
                        .json()
                        .get("priorities")
                        .get(1)
                        .get("meaning")
                        .asString())
                .as("other plans keep the default words")
                .startsWith("Next in line");

        var agent = newAgent(AgentRole.AGENT);
        long number = api(agent)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Ward screen blank",
                                "body",
                                "Since 7am",
                                "requester",
                                Map.of("email", "sister@" + domain)))
                .json()
                .get("number")
                .asLong();
        var page = Jsoup.parse(
                signedIn(agent).get("/tickets/" + number, "text/html").body());
        assertThat(page.select("#severity-meanings").text())
                .contains("Clinicians cannot work on a ward.")
                .contains("Drop other work");

        var cleared = admin.put("/api/v1/definitions/PRIORITY/HIGH", Map.of("planId", plan, "meaning", ""));
        assertThat(cleared.json().get("priorities").get(1).get("ownedByPlan").asBoolean())
                .isFalse();
        assertThat(admin.put("/api/v1/definitions/PRIORITY/URGENT", Map.of("meaning", "x"))
                        .status())
                .isEqualTo(400);
    }
}
