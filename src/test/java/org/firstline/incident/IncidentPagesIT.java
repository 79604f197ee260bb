package org.firstline.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;

/** The surge suggestion, the retrospective, and the pages with their forms and role checks. */
class IncidentPagesIT extends ApiTest {

    @Test
    void similarNewTicketsFromEnoughOrganizationsSuggestAnIncidentAndFewerDoNot() {
        var agent = api(AgentRole.AGENT);
        String word = "zq" + unique("x").substring(2).replace("-", "");
        List<Long> orgs = new ArrayList<>();
        for (int i = 0; i < 3; i++) orgs.add(org(agent));
        List<Long> surge = new ArrayList<>();
        for (int i = 0; i < 5; i++) surge.add(ticket(agent, "Export " + word + " fails with timeout", orgs.get(i % 3)));
        // four similar from three organizations, and five from two: neither is enough
        String few = "zf" + unique("y").substring(2).replace("-", "");
        for (int i = 0; i < 4; i++) ticket(agent, "Invoices " + few + " missing", orgs.get(i % 3));
        String narrow = "zn" + unique("z").substring(2).replace("-", "");
        for (int i = 0; i < 5; i++) ticket(agent, "Calendar " + narrow + " empty", orgs.get(i % 2));

        var response = agent.get("/api/v1/incidents/surge");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var found = response.json();
        List<String> groups = new ArrayList<>();
        found.forEach(g -> groups.add(g.get("words").toString()));
        assertThat(groups).anyMatch(w -> w.contains(word)).noneMatch(w -> w.contains(few) || w.contains(narrow));
        var mine = new ArrayList<Long>();
        found.forEach(g -> {
            if (g.get("words").toString().contains(word)) g.get("ticketIds").forEach(id -> mine.add(id.asLong()));
        });
        assertThat(mine).containsExactlyInAnyOrderElementsOf(surge);

        var browser = signedIn(newAgent(AgentRole.AGENT));
        String banner = browser.get("/incidents/surge", "text/html").body();
        assertThat(banner).contains("Declare and link", "public title");
        // declaring from the suggestion links them all and takes them out of the next suggestion
        String desk = browser.get("/incidents", "text/html").body();
        var declared = browser.postForm(
                "/incidents",
                Map.of(
                        "title",
                        "Exports time out",
                        "source",
                        "SURGE",
                        "tickets",
                        String.join(" ", surge.stream().map(String::valueOf).toList()),
                        "_csrf",
                        ApiClient.csrfToken(desk)));
        assertThat(declared.status()).isEqualTo(302);
        String location = declared.header("Location");
        assertThat(location).matches(".*/incidents/\\d+");
        long id = Long.parseLong(location.replaceAll(".*/", ""));
        var incident = agent.get("/api/v1/incidents/" + id).json();
        assertThat(incident.get("source").asString()).isEqualTo("SURGE");
        assertThat(incident.get("linkedTickets").asInt()).isEqualTo(5);
        assertThat(incident.get("organizations").size()).isEqualTo(3);
        assertThat(agent.get("/api/v1/incidents/surge").body()).doesNotContain(word);
    }

    @Test
    void theTicketPageShowsTheTicketsIncidentsAndOffersToDeclareOrJoin() {
        var agent = api(AgentRole.AGENT);
        long ticket = ticket(agent, "Checkout is slow", org(agent));
        String title = unique("Checkout latency");
        long id = agent.post("/api/v1/incidents", map("title", title))
                .json()
                .get("id")
                .asLong();
        var browser = signedIn(newAgent(AgentRole.AGENT));
        String before = browser.get("/incidents/tickets/" + ticket + "/panel", "text/html")
                .body();
        assertThat(before).contains("Not part of an incident", "Join: " + title, "Declare and link");

        agent.post("/api/v1/incidents/" + id + "/tickets", map("ticketIds", List.of(ticket)));
        String after = browser.get("/incidents/tickets/" + ticket + "/panel", "text/html")
                .body();
        assertThat(after).contains("/incidents/" + id, title).doesNotContain("Not part of an incident");
    }

    @Test
    void theRetrospectiveRoundTripsAndItsActionsAreFollowedToDone() {
        var agent = api(AgentRole.AGENT);
        long id = agent.post("/api/v1/incidents", map("title", unique("Outage")))
                .json()
                .get("id")
                .asLong();
        agent.post("/api/v1/incidents/" + id + "/updates", map("status", "RESOLVED", "body", "Fixed"));
        var saved = agent.put(
                "/api/v1/incidents/" + id + "/retrospective",
                map("background", "Uploads *failed*", "rootCause", "A full disk", "countermeasures", "Alert at 80%"));
        assertThat(saved.status()).isEqualTo(200);
        var read = agent.get("/api/v1/incidents/" + id + "/retrospective").json();
        assertThat(read.get("rootCause").asString()).isEqualTo("A full disk");
        assertThat(read.get("goal").asString()).isEmpty();
        var owner = newAgent(AgentRole.AGENT);
        var action = agent.post(
                "/api/v1/incidents/" + id + "/actions",
                map("title", "Disk alert at 80%", "ownerId", owner.id(), "dueOn", "2026-12-15"));
        assertThat(action.status()).isEqualTo(201);
        long actionId = action.json().get("id").asLong();
        assertThat(agent.get("/api/v1/incidents/" + id + "/actions")
                        .json()
                        .get(0)
                        .get("done")
                        .asBoolean())
                .isFalse();
        assertThat(agent.post("/api/v1/incidents/" + id + "/actions/" + actionId + "/done", map())
                        .status())
                .isEqualTo(204);
        var done = agent.get("/api/v1/incidents/" + id + "/actions").json().get(0);
        assertThat(done.get("done").asBoolean()).isTrue();
        assertThat(done.get("ownerName").asString()).isEqualTo(owner.displayName());
        assertThat(agent.post("/api/v1/incidents/" + id + "/actions", map("title", ""))
                        .status())
                .isEqualTo(400);

        var browser = signedIn(newAgent(AgentRole.AGENT));
        String page = browser.get("/incidents/" + id + "?tab=retrospective", "text/html")
                .body();
        assertThat(page).contains("A full disk", "Disk alert at 80%", "Done");
        // written in Markdown, shown rendered; a read-only agent reads it too (without the form to change it)
        assertThat(page).contains("Uploads <em>failed</em>");
        String readOnly = signedIn(newAgent(AgentRole.READ_ONLY))
                .get("/incidents/" + id + "?tab=retrospective", "text/html")
                .body();
        assertThat(readOnly)
                .contains("Uploads <em>failed</em>", "A full disk", "Alert at 80%")
                .doesNotContain("Save retrospective");
    }

    @Test
    void pagesPostWithCsrfShowRefusalsAndCheckRoles() {
        var agentView = newAgent(AgentRole.AGENT);
        var browser = signedIn(agentView);
        String list = browser.get("/incidents", "text/html").body();
        assertThat(list).contains("Declare an incident", "SEV1");
        assertThat(browser.postForm("/incidents", Map.of("title", "No token")).status())
                .isEqualTo(403);
        String title = unique("Login slow");
        var declared = browser.postForm("/incidents", Map.of("title", title, "_csrf", ApiClient.csrfToken(list)));
        String location = declared.header("Location");
        String page = browser.get(location, "text/html").body();
        assertThat(page).contains(title, "Post an update", "Incident declared.");
        var posted = browser.postForm(
                location + "/updates",
                Map.of(
                        "body",
                        "We are **looking**",
                        "status",
                        "IDENTIFIED",
                        "visibility",
                        "public",
                        "_csrf",
                        ApiClient.csrfToken(page)));
        assertThat(posted.status()).isEqualTo(302);
        page = browser.get(location, "text/html").body();
        assertThat(page).contains("<strong>looking</strong>", "Identified", "Update posted");
        var empty = browser.postForm(location + "/updates", Map.of("body", " ", "_csrf", ApiClient.csrfToken(page)));
        assertThat(empty.status()).isEqualTo(302);
        assertThat(browser.get(location, "text/html").body()).contains("Body is required");
        var badNumbers =
                browser.postForm(location + "/tickets", Map.of("numbers", "#abc", "_csrf", ApiClient.csrfToken(page)));
        assertThat(badNumbers.status()).isEqualTo(302);
        assertThat(browser.get(location, "text/html").body()).contains("must be ticket numbers");

        assertThat(browser.get("/admin/incidents", "text/html").status()).isEqualTo(403);
        var admin = signedIn(newAgent(AgentRole.ADMIN));
        assertThat(admin.get("/admin/incidents", "text/html").body()).contains("Surge suggestion", "SEV1");
        var readOnly = signedIn(newAgent(AgentRole.READ_ONLY));
        String seen = readOnly.get(location, "text/html").body();
        assertThat(seen).contains(title).doesNotContain("Post an update");
        String desk = readOnly.get("/incidents", "text/html").body();
        assertThat(readOnly.postForm(location + "/updates", Map.of("body", "x", "_csrf", ApiClient.csrfToken(desk)))
                        .status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).get(location, "text/html").status())
                .isEqualTo(302);
    }

    private long org(ApiClient agent) {
        return agent.post("/api/v1/organizations", map("name", unique("Org")))
                .json()
                .get("id")
                .asLong();
    }

    private long ticket(ApiClient agent, String subject, long org) {
        return agent.post(
                        "/api/v1/tickets",
                        map(
                                "subject",
                                subject,
                                "body",
                                subject,
                                "organizationId",
                                org,
                                "requester",
                                map("email", unique("r") + "@surge.test")))
                .json()
                .get("id")
                .asLong();
    }
}
