package org.firstline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Team suggestions in a database of their own (a context of its own, so not shared with the other API tests): the
 * classifier's held-out slice holds only this test's history.
 */
@org.springframework.test.context.TestPropertySource(properties = "firstline.triage.retrain-interval=PT7H")
class TeamSuggestionIT extends TriageApiTest {
    private void imported(ApiClient admin, String subject, String body, long teamId) {
        var r = admin.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        subject,
                        "body",
                        body,
                        "teamId",
                        teamId,
                        "status",
                        "CLOSED",
                        "createdAt",
                        clock.instant().minus(Duration.ofDays(30)).toString(),
                        "requester",
                        map("email", unique("old") + "@example.org", "name", "Old requester")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void suggestsTheTeamFromTheOwnershipMapAndFromPastAssignments() {
        var admin = api(AgentRole.ADMIN);
        var maya = newAgent(AgentRole.AGENT);
        var tom = newAgent(AgentRole.AGENT);
        long storage = team("Storage", maya, tom);
        long identity = team("Identity", tom);
        assertThat(admin.post(
                                "/api/v1/ownership-rules",
                                map("teamId", identity, "kind", "KEYWORD", "term", "password", "weight", 5))
                        .status())
                .isEqualTo(201);
        assertThat(admin.put("/api/v1/triage/teams/" + storage + "/on-duty", map("agentId", maya.id()))
                        .status())
                .isEqualTo(200);
        // history: tickets imported with their team count as past assignments
        for (int i = 0; i < 20; i++) {
            imported(
                    admin,
                    "Quota exceeded on volume " + i,
                    "The persistent volume quota is full again, please resize the disk.",
                    storage);
            imported(
                    admin,
                    "Cannot log in " + i,
                    "Login fails with an SSO error after the identity provider change.",
                    identity);
        }
        var report = admin.post("/api/v1/triage/classifier/train", null).json();
        assertThat(report.get("examples").asInt()).isGreaterThanOrEqualTo(40);
        assertThat(report.get("heldOut").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(report.get("modelAccuracy").asDouble()).isGreaterThan(0.9);

        var agent = api(maya);
        var learned = open(agent, "Disk full", "Our volume quota seems exceeded, can you resize it?");
        var s = agent.get("/api/v1/tickets/" + learned.get("id").asLong() + "/suggestions");
        assertThat(s.status()).as(s.body()).isEqualTo(200);
        var best = s.json().get("teams").get(0);
        assertThat(best.get("teamId").asLong()).isEqualTo(storage);
        assertThat(best.get("ruleWords")).isEmpty();
        assertThat(best.get("learnedWords").toString()).contains("quota");
        var people = s.json().get("assignees");
        assertThat(people.get(0).get("agentId").asLong()).isEqualTo(maya.id());
        assertThat(people.get(0).get("reasons").toString())
                .contains("on first line now")
                .contains("open tickets");
        assertThat(s.json().get("priority").get("suggested").asString()).isEqualTo("LOW");
        assertThat(s.json().get("priority").get("stillHolds").asBoolean()).isFalse();

        var ruled = open(agent, "Password reset", "The reset mail never arrives.");
        var t = agent.get("/api/v1/tickets/" + ruled.get("id").asLong() + "/suggestions")
                .json()
                .get("teams")
                .get(0);
        assertThat(t.get("teamId").asLong()).isEqualTo(identity);
        assertThat(t.get("ruleWords").toString()).contains("password");
    }
}
