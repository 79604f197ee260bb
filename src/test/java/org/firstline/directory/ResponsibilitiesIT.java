package org.firstline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Delivery leads and designations: set by admins, read by every agent, checked, and audited. */
class ResponsibilitiesIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminGivesAnAgentADeliveryLeadAndHatsThatEveryAgentCanRead() {
        var admin = api(AgentRole.ADMIN);
        var engineer = newAgent(AgentRole.AGENT);
        var lead = newAgent(AgentRole.AGENT);
        assertThat(admin.get("/api/v1/agents/" + engineer.id() + "/responsibilities")
                        .body())
                .contains("\"deliveryLeadId\":null", "\"designations\":[]");

        var set = admin.put(
                "/api/v1/agents/" + engineer.id() + "/responsibilities",
                map("deliveryLeadId", lead.id(), "designations", List.of("CLEARED_FOR_ON_CALL", "LEAD_TRACKER")));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var read = api(AgentRole.READ_ONLY)
                .get("/api/v1/agents/" + engineer.id() + "/responsibilities")
                .json();
        assertThat(read.get("deliveryLeadId").asLong()).isEqualTo(lead.id());
        assertThat(read.get("designations").toString()).contains("CLEARED_FOR_ON_CALL", "LEAD_TRACKER");
        assertThat(admin.get("/api/v1/designations/CLEARED_FOR_ON_CALL").body()).contains(engineer.username());
        assertThat(admin.get("/api/v1/designations/HEAD_OF_OPERATIONS").body()).doesNotContain(engineer.username());

        // only the designations given change; the lead may be taken away
        admin.put("/api/v1/agents/" + engineer.id() + "/responsibilities", map("designations", List.of()));
        var after = admin.get("/api/v1/agents/" + engineer.id() + "/responsibilities")
                .json();
        assertThat(after.get("designations").size()).isZero();
        assertThat(after.get("deliveryLeadId").isNull()).isTrue();
        // audited: made once, then changed
        assertThat(jdbc.sql("""
                        select distinct action from audit_entry
                        where entity = 'agent_responsibility' and entity_id = ? order by action""").param(engineer.id()).query(String.class).list())
                .hasSize(2);
    }

    @Test
    void badLeadsAndUnknownHatsAreRefusedAndOnlyAdminsChangeThem() {
        var admin = api(AgentRole.ADMIN);
        var engineer = newAgent(AgentRole.AGENT);
        var self = admin.put(
                "/api/v1/agents/" + engineer.id() + "/responsibilities", map("deliveryLeadId", engineer.id()));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("deliveryLeadId");
        var nobody =
                admin.put("/api/v1/agents/" + engineer.id() + "/responsibilities", map("deliveryLeadId", 999999999));
        assertThat(nobody.status()).isEqualTo(400);
        var hat = admin.put(
                "/api/v1/agents/" + engineer.id() + "/responsibilities", map("designations", List.of("WIZARD")));
        assertThat(hat.status()).isEqualTo(400);
        assertThat(hat.body()).doesNotContain("Exception");
        var byAgent = api(AgentRole.AGENT)
                .put("/api/v1/agents/" + engineer.id() + "/responsibilities", map("designations", List.of()));
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/agents/999999999/responsibilities").status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/designations/WIZARD").status()).isEqualTo(400);
    }

    @Test
    void theAdminPeoplePageSetsTheLeadAndHatsAndOnlyAdminsOpenIt() {
        var engineer = newAgent(AgentRole.AGENT);
        var lead = newAgent(AgentRole.AGENT);
        var admin = signedIn(newAgent(AgentRole.ADMIN));
        String page = admin.get("/admin/people").body();
        assertThat(page).contains(engineer.displayName(), "Head of operations", "Cleared for on call");
        var saved = admin.postForm(
                "/admin/people/" + engineer.id(),
                java.util.Map.of(
                        "_csrf",
                        org.firstline.support.ApiClient.csrfToken(page),
                        "deliveryLeadId",
                        String.valueOf(lead.id()),
                        "designations",
                        "PROJECT_MANAGER"));
        assertThat(saved.status()).isEqualTo(302);
        var read = api(AgentRole.READ_ONLY)
                .get("/api/v1/agents/" + engineer.id() + "/responsibilities")
                .json();
        assertThat(read.get("deliveryLeadId").asLong()).isEqualTo(lead.id());
        assertThat(read.get("designations").toString()).isEqualTo("[\"PROJECT_MANAGER\"]");

        var self = admin.postForm(
                "/admin/people/" + engineer.id(),
                java.util.Map.of(
                        "_csrf",
                        org.firstline.support.ApiClient.csrfToken(page),
                        "deliveryLeadId",
                        String.valueOf(engineer.id())));
        assertThat(self.status()).as("refused on the page, not a 500").isEqualTo(302);
        assertThat(api(AgentRole.READ_ONLY)
                        .get("/api/v1/agents/" + engineer.id() + "/responsibilities")
                        .json()
                        .get("deliveryLeadId")
                        .asLong())
                .isEqualTo(lead.id());
        assertThat(signedIn(newAgent(AgentRole.AGENT)).get("/admin/people").status())
                .isEqualTo(403);
    }
}
