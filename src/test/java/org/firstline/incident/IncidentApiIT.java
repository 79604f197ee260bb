package org.firstline.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.util.List;
import org.firstline.incident.internal.UpdateReminders;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Declaring, working and resolving incidents over the API, and what it refuses. */
class IncidentApiIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    UpdateReminders reminders;

    @Test
    void declaringFromATicketCopiesNoCustomerTextAndNeedsAPublicTitle() {
        var agent = api(AgentRole.AGENT);
        long org = agent.post("/api/v1/organizations", map("name", unique("Acme Clinic")))
                .json()
                .get("id")
                .asLong();
        String orgName = jdbc.sql("select name from organization where id = ?")
                .param(org)
                .query(String.class)
                .single();
        String secret = unique("my patient Jane Doe cannot log in");
        long ticket = openTicket(agent, secret, org);

        var missingTitle = agent.post("/api/v1/incidents", map("fromTicketId", ticket));
        assertThat(missingTitle.status()).isEqualTo(400);
        assertThat(missingTitle.header("Content-Type")).contains("application/problem+json");
        assertThat(missingTitle.body()).contains("title", "public title");

        var namingTheOrg = agent.post("/api/v1/incidents", map("fromTicketId", ticket, "title", orgName + " is down"));
        assertThat(namingTheOrg.status()).isEqualTo(400);
        assertThat(namingTheOrg.body()).contains("names the affected organization");

        var declared = agent.post("/api/v1/incidents", map("fromTicketId", ticket, "title", "Sign-in fails"));
        assertThat(declared.status()).isEqualTo(201);
        var incident = declared.json();
        assertThat(incident.get("source").asString()).isEqualTo("TICKET");
        assertThat(incident.get("linkedTickets").asLong()).isEqualTo(1);
        assertThat(incident.get("organizations").get(0).get("id").asLong()).isEqualTo(org);
        assertThat(declared.body()).doesNotContain(secret).doesNotContain("Jane");
        long id = incident.get("id").asLong();
        String everything = jdbc.sql("""
                        select i.title || ' ' || coalesce(string_agg(u.body, ' '), '') from incident i
                        left join incident_update u on u.incident_id = i.id where i.id = ? group by i.id, i.title""").param(id).query(String.class).single();
        assertThat(everything).doesNotContain(secret);

        var publicNamingOrg = agent.post(
                "/api/v1/incidents/" + id + "/updates",
                map("body", "We are helping " + orgName.toUpperCase() + " sign in again", "public", true));
        assertThat(publicNamingOrg.status()).isEqualTo(400);
        assertThat(publicNamingOrg.body()).contains("body", "names the affected organization", orgName);
        // other spacing, punctuation or none between the name's words names it just the same
        for (String disguised : List.of(
                orgName.replace(" ", "\n"),
                orgName.replace(" ", "\u00a0\t"),
                orgName.replace(" ", "-"),
                orgName.replace(" ", "").replace("-", ""))) {
            var refused = agent.post(
                    "/api/v1/incidents/" + id + "/updates", map("body", "Helping " + disguised, "public", true));
            assertThat(refused.status()).as(disguised).isEqualTo(400);
        }
        var internalNamingOrg = agent.post(
                "/api/v1/incidents/" + id + "/updates", map("body", "First seen at " + orgName, "public", false));
        assertThat(internalNamingOrg.status()).isEqualTo(201);
    }

    @Test
    void lifecycleKeepsATimelineAndRemindsTheLeadOncePerDueTime() {
        var lead = newAgent(AgentRole.AGENT);
        var agent = api(lead);
        long id = agent.post("/api/v1/incidents", map("title", unique("Slow dashboards"), "severity", 1))
                .json()
                .get("id")
                .asLong();
        var started = agent.get("/api/v1/incidents/" + id).json();
        assertThat(started.get("communicationsLead").get("id").asLong()).isEqualTo(lead.id());
        assertThat(started.get("status").asString()).isEqualTo("INVESTIGATING");

        for (String status : List.of("IDENTIFIED", "MONITORING")) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(agent.post(
                                    "/api/v1/incidents/" + id + "/updates",
                                    map("status", status, "body", "Now " + status.toLowerCase()))
                            .status())
                    .isEqualTo(201);
        }
        var monitoring = agent.get("/api/v1/incidents/" + id).json();
        assertThat(monitoring.get("status").asString()).isEqualTo("MONITORING");
        assertThat(monitoring.get("timeline").size()).isEqualTo(3);
        assertThat(monitoring.get("timeline").get(0).get("body").asString()).isEqualTo("Now monitoring");
        // SEV1: customers hear every 30 minutes
        assertThat(java.time.Instant.parse(monitoring.get("nextUpdateDueAt").asString()))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(31));
        reminders.remind();
        reminders.remind();
        clock.advance(Duration.ofMinutes(1));
        reminders.remind();
        assertThat(jdbc.sql("select count(*) from incident_reminder where incident_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                                select count(*) from outbound_email where kind = 'INCIDENT_REMINDER'
                                and ? = any(recipients) and subject like ?""")
                        .params(lead.email(), "%Slow dashboards%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(agent.get("/api/v1/incidents/" + id).json().get("reminders").size())
                .isEqualTo(1);

        var resolved = agent.post(
                "/api/v1/incidents/" + id + "/updates", map("status", "RESOLVED", "body", "Fixed and monitored"));
        assertThat(resolved.status()).isEqualTo(201);
        var done = agent.get("/api/v1/incidents/" + id).json();
        assertThat(done.get("resolvedAt").isNull()).isFalse();
        assertThat(done.get("nextUpdateDueAt").isNull()).isTrue();
        var after = agent.post("/api/v1/incidents/" + id + "/updates", map("body", "one more"));
        assertThat(after.status()).isEqualTo(409);
    }

    @Test
    void aRepeatedAlertJoinsTheOpenIncidentWhichStaysPrivateUntilAnAgentSaysSo() {
        var agent = api(AgentRole.AGENT);
        String key = unique("disk-full");
        var first = agent.post("/api/v1/incidents", map("title", "db-7 disk 95%", "source", "ALERT", "alertKey", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("public").asBoolean()).isFalse();
        var again = agent.post("/api/v1/incidents", map("title", "db-7 disk 97%", "source", "ALERT", "alertKey", key));
        assertThat(again.status()).isEqualTo(200);
        long id = first.json().get("id").asLong();
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        var publicUpdate = agent.post("/api/v1/incidents/" + id + "/updates", map("body", "Looking into it"));
        assertThat(publicUpdate.status()).isEqualTo(409);
        assertThat(publicUpdate.body()).contains("not public yet");
        assertThat(agent.patch("/api/v1/incidents/" + id, map("title", "Saving files fails", "public", true))
                        .status())
                .isEqualTo(200);
        assertThat(agent.post("/api/v1/incidents/" + id + "/updates", map("body", "Looking into it"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void refusesBadInputAsProblemsAndChecksRoles() {
        var agent = api(AgentRole.AGENT);
        long id = agent.post("/api/v1/incidents", map("title", unique("Mail delayed")))
                .json()
                .get("id")
                .asLong();
        var unknownStatus = agent.post("/api/v1/incidents/" + id + "/updates", map("status", "EXPLODED", "body", "x"));
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.header("Content-Type")).contains("application/problem+json");
        var emptyTitle = agent.post("/api/v1/incidents", map("title", "  "));
        assertThat(emptyTitle.status()).isEqualTo(400);
        var tooLong = agent.post("/api/v1/incidents/" + id + "/updates", map("body", "x".repeat(20001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("20000");
        var unknownTickets =
                agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", List.of(Long.MAX_VALUE - 1)));
        assertThat(unknownTickets.status()).isEqualTo(400);
        assertThat(unknownTickets.body()).contains("do not exist", String.valueOf(Long.MAX_VALUE - 1));
        var unknownNumbers =
                agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketNumbers", List.of(999_999_999)));
        assertThat(unknownNumbers.status()).isEqualTo(400);
        assertThat(unknownNumbers.body()).contains("#999999999");
        var badSeverity = agent.patch("/api/v1/incidents/" + id, map("severity", 7));
        assertThat(badSeverity.status()).isEqualTo(400);
        assertThat(badSeverity.body()).contains("defined levels");
        assertThat(agent.get("/api/v1/incidents/" + Long.MAX_VALUE).status()).isEqualTo(404);

        assertThat(ApiClient.anonymous(port).get("/api/v1/incidents").status()).isEqualTo(401);
        var readOnly = api(AgentRole.READ_ONLY);
        assertThat(readOnly.get("/api/v1/incidents/" + id).status()).isEqualTo(200);
        assertThat(readOnly.post("/api/v1/incidents", map("title", "x")).status())
                .isEqualTo(403);
        assertThat(readOnly.post("/api/v1/incidents/" + id + "/updates", map("body", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(agent.put(
                                "/api/v1/incident-severities/2",
                                map("name", "SEV2", "factors", "x", "updateIntervalMinutes", 45))
                        .status())
                .isEqualTo(403);
        var admin = api(AgentRole.ADMIN);
        var levels = admin.get("/api/v1/incident-severities").json();
        assertThat(levels.size()).isGreaterThanOrEqualTo(4);
        String factors = levels.get(1).get("factors").asString();
        var saved = admin.put(
                "/api/v1/incident-severities/2", map("name", "SEV2", "factors", factors, "updateIntervalMinutes", 60));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(admin.put(
                                "/api/v1/incident-severities/2",
                                map("name", "SEV2", "factors", factors, "updateIntervalMinutes", 1))
                        .status())
                .isEqualTo(400);
    }

    private long openTicket(ApiClient agent, String body, long org) {
        return agent.post(
                        "/api/v1/tickets",
                        map(
                                "subject",
                                body,
                                "body",
                                body,
                                "organizationId",
                                org,
                                "requester",
                                map("email", unique("jane") + "@clinic.test", "name", "Jane Doe")))
                .json()
                .get("id")
                .asLong();
    }
}
