package org.firstline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 2i2c: a critical ticket nobody on its team can take goes to the engineering manager in one action. */
class EngineeringManagerIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a critical ticket is handed to the engineering manager: a note on the ticket, a mail to them")
    void criticalTicketGoesToTheEngineeringManager() {
        var admin = api(AgentRole.ADMIN);
        var supporter = newAgent(AgentRole.AGENT);
        var api = api(supporter);
        long critical = open(api, "DATA_LOSS");
        long minor = open(api, "MINOR");

        // nobody wears the hat yet: refused with the way out, nothing written
        jdbc.sql("update agent_responsibility set designations = array_remove(designations, 'ENGINEERING_MANAGER')")
                .update();
        var none = api.post("/api/v1/tickets/" + critical + "/engineering-manager", map("reason", "all busy"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.body()).contains("Admin → People");
        assertThat(api.get("/api/v1/tickets/" + critical + "/engineering-manager")
                        .status())
                .isEqualTo(404);

        var manager = newAgent(AgentRole.AGENT);
        admin.put(
                "/api/v1/agents/" + manager.id() + "/responsibilities",
                map("designations", List.of("ENGINEERING_MANAGER")));

        var notCritical = api.post("/api/v1/tickets/" + minor + "/engineering-manager", map("reason", "x"));
        assertThat(notCritical.status()).isEqualTo(409);
        assertThat(notCritical.body()).contains("not critical");
        assertThat(api(AgentRole.READ_ONLY)
                        .post("/api/v1/tickets/" + critical + "/engineering-manager", map())
                        .status())
                .isEqualTo(403);
        var tooLong = api.post("/api/v1/tickets/" + critical + "/engineering-manager", map("reason", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("reason");

        var asked = api.post(
                "/api/v1/tickets/" + critical + "/engineering-manager",
                map("reason", "Maya is on another critical ticket"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("managers").get(0).get("id").asLong()).isEqualTo(manager.id());
        assertThat(asked.json().get("askedById").asLong()).isEqualTo(supporter.id());

        var notes = api.get("/api/v1/tickets/" + critical + "/messages").body();
        assertThat(notes).contains("Handed to the engineering manager", "Maya is on another critical ticket");
        assertThat(jdbc.sql("""
                        select array_to_string(recipients, ',') || '|' || body from outbound_email
                        where ticket_id = ? and kind = 'ENGINEERING_MANAGER'""").param(critical).query(String.class).list())
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .startsWith(manager.email() + "|")
                        .contains("Maya is on another critical ticket", "/tickets/"));
        assertThat(api.get("/api/v1/tickets/" + critical + "/engineering-manager")
                        .json()
                        .get("reason")
                        .asString())
                .isEqualTo("Maya is on another critical ticket");
    }

    @Test
    @DisplayName(
            "the ticket page offers the hand-over on critical tickets and names the project manager on change requests")
    void panelShowsTheRightPerson() {
        var admin = api(AgentRole.ADMIN);
        var supporter = newAgent(AgentRole.AGENT);
        var pm = newAgent(AgentRole.AGENT);
        admin.put("/api/v1/agents/" + pm.id() + "/responsibilities", map("designations", List.of("PROJECT_MANAGER")));
        var api = api(supporter);
        long change = open(api, "MINOR");
        api.patch("/api/v1/tickets/" + change, map("type", "CHANGE_REQUEST"));
        long critical = open(api, "DATA_LOSS");
        var page = signedIn(supporter);

        String changePanel = page.get("/triage/tickets/" + change + "/panel").body();
        assertThat(changePanel).contains("Ask the project manager", pm.displayName());
        assertThat(changePanel).doesNotContain("Hand to the engineering manager");
        String criticalPanel =
                page.get("/triage/tickets/" + critical + "/panel").body();
        assertThat(criticalPanel).contains("Hand to the engineering manager");
        assertThat(criticalPanel).doesNotContain("Ask the project manager");
    }

    private static long open(ApiClient api, String impact) {
        var response = api.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        unique("Hub down"),
                        "body",
                        "Nothing loads",
                        "impact",
                        impact,
                        "requester",
                        map("email", unique("user") + "@hub.test")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }
}
