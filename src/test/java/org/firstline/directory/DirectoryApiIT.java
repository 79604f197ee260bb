package org.firstline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.List;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class DirectoryApiIT extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void organizationsCarryPlanDomainsAndServices() {
        var admin = api(AgentRole.ADMIN);
        var plan = admin.post(
                "/api/v1/plans",
                map("name", unique("Gold"), "budgetHours", 20, "budgetPeriod", "MONTH", "aroundTheClock", true));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        String domain = unique("uni").toLowerCase() + ".edu";
        var org = admin.post(
                "/api/v1/organizations",
                map(
                        "name",
                        unique("Uni"),
                        "planId",
                        plan.json().get("id").asLong(),
                        "domains",
                        List.of(domain),
                        "representativesOnly",
                        true));
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        long id = org.json().get("id").asLong();
        assertThat(org.json().get("representativesOnly").asBoolean()).isTrue();

        var service = admin.post(
                "/api/v1/organizations/" + id + "/services",
                map("name", "Physics hub", "components", List.of("jupyterhub")));
        assertThat(service.status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/organizations/" + id + "/services").json().get("items"))
                .hasSize(1);
        assertThat(admin.post(
                                "/api/v1/organizations",
                                map("name", org.json().get("name").asString()))
                        .status())
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/organizations", map("name", "x", "domains", List.of("Not A Domain")))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post("/api/v1/organizations", map("name", "y", "planId", 999999))
                        .status())
                .isEqualTo(400);

        var renamed = admin.patch("/api/v1/organizations/" + id, map("notes", "VIP"));
        assertThat(renamed.json().get("notes").asString()).isEqualTo("VIP");
        assertThat(renamed.json().get("domains").get(0).asString())
                .as("a patch keeps what it leaves out")
                .isEqualTo(domain);

        var ticket = admin.post(
                        "/api/v1/tickets",
                        map("subject", "s", "body", "b", "requester", map("email", "someone@" + domain)))
                .json();
        assertThat(ticket.get("organizationId").asLong())
                .as("the email domain decides the organization")
                .isEqualTo(id);
        assertThat(api(AgentRole.AGENT)
                        .post("/api/v1/plans", map("name", unique("P"), "budgetHours", 1))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void contactsHaveSeveralAddressesAndOrganizationsAndAnAmbiguousOneLeavesTheTicketToBeConfirmed() {
        var agent = api(AgentRole.AGENT);
        long a = agent.post("/api/v1/organizations", map("name", unique("A")))
                .json()
                .get("id")
                .asLong();
        long b = agent.post("/api/v1/organizations", map("name", unique("B")))
                .json()
                .get("id")
                .asLong();
        String work = unique("kim") + "@work.example";
        String home = unique("kim") + "@home.example";
        var contact = agent.post(
                "/api/v1/contacts",
                map(
                        "name",
                        "Kim",
                        "emails",
                        List.of(work, home.toUpperCase()),
                        "organizations",
                        List.of(
                                map("organizationId", a, "representative", true),
                                map("organizationId", b, "representative", false))));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        assertThat(contact.json().get("emails")).hasSize(2);
        assertThat(agent.post("/api/v1/contacts", map("name", "Dup", "emails", List.of(home)))
                        .status())
                .isEqualTo(409);

        var ticket = agent.post("/api/v1/tickets", map("subject", "s", "body", "b", "requester", map("email", home)))
                .json();
        assertThat(ticket.get("requesterId").asLong())
                .isEqualTo(contact.json().get("id").asLong());
        assertThat(ticket.get("organizationId").isNull())
                .as("two organizations: the triager confirms")
                .isTrue();

        var reps = agent.get("/api/v1/contacts?organizationId=" + a).json().get("items");
        assertThat(reps).hasSize(1);
        var single = agent.patch(
                "/api/v1/contacts/" + contact.json().get("id").asLong(),
                map("organizations", List.of(map("organizationId", b))));
        assertThat(single.json().get("organizations")).hasSize(1);
        var ticket2 = agent.post("/api/v1/tickets", map("subject", "s", "body", "b", "requester", map("email", work)))
                .json();
        assertThat(ticket2.get("organizationId").asLong()).isEqualTo(b);
    }

    @Test
    void onlyAdminsManageAgentsTeamsAndTokensAndPasswordsAreHashed() {
        var admin = api(AgentRole.ADMIN);
        var agent = api(AgentRole.AGENT);
        var created = admin.post(
                "/api/v1/agents",
                map(
                        "username",
                        unique("new").toLowerCase(),
                        "displayName",
                        "New Person",
                        "email",
                        "new@support.test",
                        "role",
                        "AGENT",
                        "timeZone",
                        "Europe/London",
                        "password",
                        "a long enough password"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");
        String hash = jdbc.sql("select password_hash from agent where id = ?")
                .param(created.json().get("id").asLong())
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("a long enough password");

        assertThat(admin.post(
                                "/api/v1/agents",
                                map(
                                        "username",
                                        unique("tz").toLowerCase(),
                                        "displayName",
                                        "x",
                                        "email",
                                        "x@y.z",
                                        "role",
                                        "AGENT",
                                        "timeZone",
                                        "Mars/Olympus",
                                        "password",
                                        "a long enough password"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                "/api/v1/agents",
                                map(
                                        "username",
                                        unique("pw").toLowerCase(),
                                        "displayName",
                                        "x",
                                        "email",
                                        "x@y.z",
                                        "role",
                                        "AGENT",
                                        "password",
                                        "short"))
                        .status())
                .isEqualTo(400);
        assertThat(admin.post(
                                "/api/v1/agents",
                                map(
                                        "username",
                                        "admin-x",
                                        "displayName",
                                        "x",
                                        "email",
                                        "x@y.z",
                                        "role",
                                        "SUPERUSER",
                                        "password",
                                        "a long enough password"))
                        .status())
                .isEqualTo(400);
        assertThat(agent.post(
                                "/api/v1/agents",
                                map(
                                        "username",
                                        "nope",
                                        "displayName",
                                        "x",
                                        "email",
                                        "x@y.z",
                                        "role",
                                        "ADMIN",
                                        "password",
                                        "a long enough password"))
                        .status())
                .isEqualTo(403);
        assertThat(agent.post("/api/v1/teams", map("name", unique("T"))).status())
                .isEqualTo(403);
        assertThat(agent.get("/api/v1/api-tokens").status()).isEqualTo(403);
        assertThat(agent.get("/api/v1/agents").status()).isEqualTo(200);
    }

    @Test
    void tokensAreShownOnceStoredHashedAndStopWorkingWhenRevoked() {
        var admin = api(AgentRole.ADMIN);
        var target = newAgent(AgentRole.AGENT);
        var created = admin.post("/api/v1/api-tokens", map("name", "ci", "agentId", target.id()));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        long id = created.json().get("token").get("id").asLong();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?")
                        .param(secret)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(admin.get("/api/v1/api-tokens").body()).doesNotContain(secret);

        var client = ApiClient.bearer(port, secret);
        assertThat(client.get("/api/v1/tickets?limit=1").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/api-tokens").body()).contains("lastUsedAt\":\"");
        assertThat(admin.delete("/api/v1/api-tokens/" + id).status()).isEqualTo(204);
        assertThat(client.get("/api/v1/tickets?limit=1").status()).isEqualTo(401);
    }

    @Test
    void directoryChangesAreAuditedWithoutTheirSecrets() {
        var adminAgent = newAgent(AgentRole.ADMIN);
        var admin = api(adminAgent);
        long org = admin.post("/api/v1/organizations", map("name", unique("Audited")))
                .json()
                .get("id")
                .asLong();
        admin.patch("/api/v1/organizations/" + org, map("notes", "renewal in March"));
        var trail = admin.get("/api/v1/audit?entity=organization&entityId=" + org)
                .json()
                .get("items");
        assertThat(trail).hasSize(2);
        assertThat(trail.get(0).get("field").asString()).isEqualTo("notes");
        assertThat(trail.get(0).get("after").asString()).isEqualTo("renewal in March");
        assertThat(trail.get(0).get("actor").asString()).isEqualTo("agent:" + adminAgent.username());

        var target = newAgent(AgentRole.AGENT);
        admin.patch("/api/v1/agents/" + target.id(), map("password", "another long password"));
        var agentTrail =
                admin.get("/api/v1/audit?entity=agent&entityId=" + target.id()).body();
        assertThat(agentTrail).contains("password_hash").doesNotContain("{bcrypt}");
        assertThat(api(AgentRole.AGENT)
                        .get("/api/v1/audit?entity=agent&entityId=" + target.id())
                        .status())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/audit?entity=ticket_secret&entityId=1").status())
                .isEqualTo(400);
    }

    @Test
    void repeatedWrongPasswordsBlockBasicAuthForThatUser() {
        var agent = newAgent(AgentRole.AGENT);
        for (int i = 0; i < 5; i++) {
            assertThat(ApiClient.basic(port, agent.username(), "wrong password " + i)
                            .get("/api/v1/tickets")
                            .status())
                    .isEqualTo(401);
        }
        var blocked = ApiClient.basic(port, agent.username(), PASSWORD).get("/api/v1/tickets");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("detail").asString()).contains("Too many");
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
        clock.advance(java.time.Duration.ofMinutes(16));
        assertThat(ApiClient.basic(port, agent.username(), PASSWORD)
                        .get("/api/v1/tickets?limit=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var doc = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/v1/tickets")).isTrue();
        assertThat(doc.json().get("paths").has("/api/v1/tickets/{id}/audit")).isTrue();
        assertThat(ApiClient.anonymous(port)
                        .get("/swagger-ui/swagger-initializer.js")
                        .body())
                .contains("/v3/api-docs");
        assertThat(ApiClient.anonymous(port)
                        .get("/actuator/health")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(ApiClient.anonymous(port).get("/actuator/health/readiness").status())
                .isEqualTo(200);
    }
}
