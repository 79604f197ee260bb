package org.firstline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.Arrays;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the triage API tests share: teams with members, and tickets opened over the API. */
abstract class TriageApiTest extends ApiTest {
    @Autowired
    TeamService teams;

    long team(String name, AgentView... members) {
        return teams.create(new TeamForm(
                        unique(name),
                        "",
                        Arrays.stream(members).map(AgentView::id).toList()))
                .id();
    }

    JsonNode open(ApiClient api, String subject, String body) {
        var r = api.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        subject,
                        "body",
                        body,
                        "requester",
                        map("email", unique("req") + "@example.org", "name", "Requester")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }
}
