package org.firstline.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** dxw: work outside the support scope is chargeable and goes to the client's account manager. */
class OutOfScopeIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName(
            "dxw: out-of-scope work is reassigned to the account manager, waits on them off the desk, and they are mailed the lead")
    void outOfScopeWorkGoesToTheAccountManager() {
        var admin = api(AgentRole.ADMIN);
        var manager = newAgent(AgentRole.ACCOUNT_MANAGER);
        var supporter = newAgent(AgentRole.AGENT);
        long team = admin.post("/api/v1/teams", map("name", unique("Support"), "memberIds", List.of(supporter.id())))
                .json()
                .get("id")
                .asLong();
        long org = admin.post("/api/v1/organizations", map("name", unique("Globex"), "accountManagerId", manager.id()))
                .json()
                .get("id")
                .asLong();
        var api = api(supporter);

        long owned = open(api, org);
        assertThat(api.patch("/api/v1/tickets/" + owned, map("teamId", team, "ownerId", supporter.id()))
                        .status())
                .isEqualTo(200);
        var lead = api.post(
                "/api/v1/tickets/" + owned + "/chargeable",
                map("estimateHours", 12.5, "reason", "A custom dashboard is new work"));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        var ticket = api.get("/api/v1/tickets/" + owned).json();
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING");
        assertThat(ticket.get("pendingReason").asString()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(ticket.get("ownerId").asLong())
                .as("though in no support team")
                .isEqualTo(manager.id());
        assertThat(ticket.get("teamId").asLong())
                .as("the team keeps it for when it comes back")
                .isEqualTo(team);
        assertThat(mail(owned, "LEAD")).singleElement().satisfies(m -> {
            assertThat(m).startsWith(manager.email() + "|");
            assertThat(m)
                    .contains(
                            "12.5 hours",
                            "A custom dashboard is new work",
                            "/tickets/" + ticket.get("number").asLong());
        });
        // the supporter's own assignment may have been mailed (when a mailbox can send); the hand-over is not
        assertThat(mail(owned, "ASSIGNMENT"))
                .as("the account manager talks to the client")
                .noneMatch(m -> m.contains(manager.displayName()));
        assertThat(api(manager).get("/api/v1/leads").body()).contains("A custom dashboard is new work");

        // straight from the desk: it leaves the desk
        long fresh = open(api, org);
        assertThat(deskIds(api)).contains(fresh);
        assertThat(api.post("/api/v1/tickets/" + fresh + "/chargeable", map("estimateHours", 3, "reason", "Training"))
                        .status())
                .isEqualTo(201);
        assertThat(deskIds(api)).doesNotContain(fresh);
        assertThat(api.get("/api/v1/tickets?ownerId=" + manager.id() + "&pendingReason=ACCOUNT_MANAGER")
                        .body())
                .contains("\"id\":" + fresh, "\"id\":" + owned);
    }

    @Test
    @DisplayName(
            "dxw: an organization without an account manager is refused with a 409 that says so, and nothing is handed over")
    void withoutAnAccountManagerItIsRefused() {
        var admin = api(AgentRole.ADMIN);
        String name = unique("Initech");
        long org = admin.post("/api/v1/organizations", map("name", name))
                .json()
                .get("id")
                .asLong();
        var api = api(AgentRole.AGENT);
        long id = open(api, org);
        var refused =
                api.post("/api/v1/tickets/" + id + "/chargeable", map("estimateHours", 2, "reason", "New feature"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains(name + " has no account manager");
        assertThat(api.get("/api/v1/tickets/" + id).json().get("status").asString())
                .isEqualTo("NEW");
        assertThat(jdbc.sql("select count(*) from chargeable_lead where ticket_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private static long open(ApiClient api, long org) {
        var response = api.post(
                "/api/v1/tickets",
                map(
                        "subject",
                        "Build us a dashboard",
                        "body",
                        "With charts",
                        "requester",
                        map("email", unique("client") + "@globex.test"),
                        "organizationId",
                        org));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private List<String> mail(long ticketId, String kind) {
        return jdbc.sql(
                        "select array_to_string(recipients, ',') || '|' || body from outbound_email where ticket_id = ? and kind = ?")
                .params(ticketId, kind)
                .query(String.class)
                .list();
    }

    private static List<Long> deskIds(ApiClient api) {
        List<Long> ids = new ArrayList<>();
        api.get("/api/v1/triage/desk?limit=200")
                .json()
                .get("rows")
                .forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }
}
