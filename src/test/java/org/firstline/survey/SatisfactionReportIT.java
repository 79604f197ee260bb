package org.firstline.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The satisfaction report per agent, team and organization, and what customers wrote shown as text wherever agents
 * read it. Figures are checked on this test's own agents, team and organization: the database is shared.
 */
class SatisfactionReportIT extends ApiTest {
    private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    @Autowired
    SatisfactionSurveys surveys;

    @Test
    void reportPerAgentTeamAndOrganizationOverTime() {
        var admin = api(AgentRole.ADMIN);
        AgentView ada = newAgent(AgentRole.AGENT), bo = newAgent(AgentRole.AGENT);
        String teamName = unique("Report Team");
        long team = admin.post("/api/v1/teams", map("name", teamName, "memberIds", List.of(ada.id(), bo.id())))
                .json()
                .get("id")
                .asLong();
        String orgName = unique("Report Org");
        long organization = admin.post("/api/v1/organizations", map("name", orgName))
                .json()
                .get("id")
                .asLong();

        long first = resolved(admin, organization, team, ada.id(), "Rated five");
        long second = resolved(admin, organization, team, ada.id(), "Rated four");
        resolved(admin, organization, team, ada.id(), "Not answered");
        long fourth = resolved(admin, organization, team, bo.id(), "Rated two");
        surveys.answerAsContact(first, requester(admin, first), 5, null);
        surveys.answerAsContact(second, requester(admin, second), 4, "Good");
        surveys.answerAsContact(fourth, requester(admin, fourth), 2, XSS);

        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        var reader = api(AgentRole.READ_ONLY);
        var byAgent = reader.get("/api/v1/satisfaction?groupBy=agent&period=week&from=" + today + "&to=" + today);
        assertThat(byAgent.status()).as(byAgent.body()).isEqualTo(200);
        JsonNode adaRow = only(byAgent.json(), ada.id());
        assertThat(adaRow.get("group").asString()).isEqualTo(ada.displayName());
        assertThat(adaRow.get("period").asString())
                .isEqualTo(ReportPeriod.WEEK.start(LocalDate.parse(today)).toString());
        assertThat(adaRow.get("sent").asLong()).isEqualTo(3);
        assertThat(adaRow.get("answered").asLong()).isEqualTo(2);
        assertThat(adaRow.get("responseRate").asDouble()).isEqualTo(66.7);
        assertThat(adaRow.get("averageRating").asDouble()).isEqualTo(4.5);
        assertThat(adaRow.get("ratings").get("5").asLong()).isEqualTo(1);
        assertThat(adaRow.get("ratings").get("4").asLong()).isEqualTo(1);
        assertThat(adaRow.get("ratings").get("2").asLong()).isZero();
        assertThat(adaRow.get("csat").asDouble()).isEqualTo(100.0);
        JsonNode boRow = only(byAgent.json(), bo.id());
        assertThat(boRow.get("sent").asLong()).isEqualTo(1);
        assertThat(boRow.get("averageRating").asDouble()).isEqualTo(2.0);
        assertThat(boRow.get("csat").asDouble()).isZero();

        JsonNode teamRow = only(
                reader.get("/api/v1/satisfaction?groupBy=team&period=week&from=" + today + "&to=" + today)
                        .json(),
                team);
        assertThat(teamRow.get("group").asString()).isEqualTo(teamName);
        assertThat(teamRow.get("sent").asLong()).isEqualTo(4);
        assertThat(teamRow.get("answered").asLong()).isEqualTo(3);
        assertThat(teamRow.get("averageRating").asDouble()).isEqualTo(3.67);
        assertThat(teamRow.get("csat").asDouble()).isEqualTo(66.7);

        JsonNode orgRow = only(
                reader.get("/api/v1/satisfaction?groupBy=ORGANIZATION&period=month&from=" + today + "&to=" + today)
                        .json(),
                organization);
        assertThat(orgRow.get("group").asString()).isEqualTo(orgName);
        assertThat(orgRow.get("period").asString()).isEqualTo(today.substring(0, 8) + "01");
        assertThat(orgRow.get("sent").asLong()).isEqualTo(4);
        assertThat(orgRow.get("responseRate").asDouble()).isEqualTo(75.0);

        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        var before = reader.get("/api/v1/satisfaction?groupBy=team&from=" + yesterday + "&to=" + yesterday);
        assertThat(rows(before.json(), team)).as("sent today, not yesterday").isEmpty();

        for (String bad :
                List.of("groupBy=person", "period=day", "from=yesterday", "from=" + today + "&to=" + yesterday)) {
            var refused = reader.get("/api/v1/satisfaction?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
    }

    @Test
    void whatCustomersWroteStaysTextOnTheTicketAndTheReport() {
        var admin = api(AgentRole.ADMIN);
        AgentView owner = newAgent(AgentRole.AGENT);
        String teamName = unique("Escape Team");
        long team = admin.post("/api/v1/teams", map("name", teamName, "memberIds", List.of(owner.id())))
                .json()
                .get("id")
                .asLong();
        long organization = admin.post("/api/v1/organizations", map("name", unique("Escape Org")))
                .json()
                .get("id")
                .asLong();
        long id = resolved(admin, organization, team, owner.id(), "Escaped comment");
        surveys.answerAsContact(id, requester(admin, id), 1, XSS);

        ApiClient browser = signedIn(newAgent(AgentRole.READ_ONLY));
        var panel = browser.get("/satisfaction/tickets/" + id + "/panel", "text/html");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body())
                .contains("Satisfaction", "1 / 5", "&lt;script&gt;window.__xss=1&lt;/script&gt;")
                .doesNotContain("<script>window.__xss", "<img src=x");
        long number = admin.get("/api/v1/tickets/" + id).json().get("number").asLong();
        assertThat(browser.get("/tickets/" + number, "text/html").body())
                .contains("/satisfaction/tickets/" + id + "/panel");

        var report = browser.get("/reports/satisfaction?groupBy=team", "text/html");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body())
                .contains("<td>" + teamName + "</td>", "&lt;script&gt;window.__xss=1&lt;/script&gt;")
                .doesNotContain("<script>window.__xss", "<img src=x");
        var refused = browser.get("/reports/satisfaction?groupBy=person", "text/html");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Group by must be one of agent, team, organization");

        long other = resolved(admin, organization, team, owner.id(), "No survey answer");
        assertThat(browser.get("/satisfaction/tickets/" + other + "/panel", "text/html")
                        .body())
                .contains("Not answered yet");
    }

    /** A new ticket of the organization, with team and owner, resolved: its resolution mail is queued with a survey. */
    private static long resolved(ApiClient admin, long organization, long team, long owner, String subject) {
        var created = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        subject,
                        "body",
                        "Please help.",
                        "requester",
                        map("email", unique("req") + "@report.test"),
                        "organizationId",
                        organization,
                        "teamId",
                        team,
                        "ownerId",
                        owner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var resolved = admin.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        return id;
    }

    private static long requester(ApiClient admin, long ticketId) {
        return admin.get("/api/v1/tickets/" + ticketId)
                .json()
                .get("requesterId")
                .asLong();
    }

    private static List<JsonNode> rows(JsonNode rows, long groupId) {
        var mine = new java.util.ArrayList<JsonNode>();
        for (JsonNode row : rows) {
            if (!row.get("groupId").isNull() && row.get("groupId").asLong() == groupId) mine.add(row);
        }
        return mine;
    }

    private static JsonNode only(JsonNode rows, long groupId) {
        var mine = rows(rows, groupId);
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }
}
