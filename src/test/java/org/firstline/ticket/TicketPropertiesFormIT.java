package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a newcomer met on the ticket form: one refused field threw away every other change, and errors said little. */
class TicketPropertiesFormIT extends ApiTest {
    @Autowired
    TeamService teams;

    @Test
    void aRefusedOwnerKeepsTheOtherChangesAndSaysWhatWasNotSaved() {
        var triager = newAgent(AgentRole.AGENT);
        var outsider = newAgent(AgentRole.AGENT);
        var reader = newAgent(AgentRole.READ_ONLY);
        long billing = teams.create(new TeamForm(unique("Billing"), "", List.of(triager.id())))
                .id();
        var opened = api(triager)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Invoice twice",
                                "body",
                                "Charged twice.",
                                "requester",
                                Map.of("email", unique("req") + "@example.org")));
        long id = opened.json().get("id").asLong();
        long number = opened.json().get("number").asLong();
        var browser = signedIn(triager);
        var page = Jsoup.parse(browser.get("/tickets/" + number, "text/html").body());
        assertThat(page.select("#owner option[value=" + reader.id() + "]"))
                .as("read-only agents own nothing")
                .isEmpty();
        assertThat(page.select("#owner option[value=" + triager.id() + "]").attr("data-teams"))
                .isEqualTo(String.valueOf(billing));

        var posted = browser.postForm(
                "/tickets/" + number + "/properties",
                Map.of(
                        "_csrf",
                        ApiClient.csrfToken(page.html()),
                        "status",
                        "NEW",
                        "priority",
                        "HIGH",
                        "type",
                        "QUESTION",
                        "impact",
                        "MAJOR",
                        "teamId",
                        String.valueOf(billing),
                        "ownerId",
                        String.valueOf(outsider.id())));
        assertThat(posted.status()).isEqualTo(302);
        var ticket = api(triager).get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("priority").asString())
                .as("the rest of the form is saved")
                .isEqualTo("HIGH");
        assertThat(ticket.get("impact").asString()).isEqualTo("MAJOR");
        assertThat(ticket.get("ownerId").isNull()).isTrue();
        var after = Jsoup.parse(browser.get("/tickets/" + number, "text/html").body());
        assertThat(after.select(".flash.ok").text()).isEqualTo("Other changes saved.");
        assertThat(after.select(".flash.error").text())
                .startsWith("Not saved: Owner ")
                .contains("is not a member of team Billing")
                .endsWith("So owner, team stay as they were.");
    }

    @Test
    void aReadOnlyAgentOwnsNothingAndCcTakesOnlyAddresses() {
        var agent = newAgent(AgentRole.AGENT);
        var reader = newAgent(AgentRole.READ_ONLY);
        long id = api(agent)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Quota",
                                "body",
                                "Full.",
                                "requester",
                                Map.of("email", unique("req") + "@example.org")))
                .json()
                .get("id")
                .asLong();
        var owned = api(agent).patch("/api/v1/tickets/" + id, Map.of("ownerId", reader.id()));
        assertThat(owned.status()).isEqualTo(400);
        assertThat(owned.body()).contains("read-only agent and cannot own tickets");
        for (String bad :
                List.of("not-an-email", "a@example.com, b@example.com", "a@example.com\r\nBcc: x@evil.example")) {
            var cc = api(agent).patch("/api/v1/tickets/" + id, Map.of("cc", List.of(bad)));
            assertThat(cc.status()).as(bad).isEqualTo(400);
        }
        assertThat(api(agent)
                        .patch("/api/v1/tickets/" + id, Map.of("cc", List.of("ok@example.org")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void errorPagesSayWhatHappenedAndWhatToDo() {
        var reader = signedIn(newAgent(AgentRole.READ_ONLY));
        var forbidden = reader.get("/admin/agents", "text/html");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(Jsoup.parse(forbidden.body()).text())
                .contains("read-only agents can look but not change")
                .contains("Ask an admin")
                .doesNotContain("Something went wrong");
        var unreadable = signedIn(newAgent(AgentRole.AGENT)).get("/sla?sort=SIDEWAYS", "text/html");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(Jsoup.parse(unreadable.body()).select("#error-advice").text())
                .startsWith("A value in the address or the form");
    }
}
