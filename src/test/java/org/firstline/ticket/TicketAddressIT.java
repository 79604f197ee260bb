package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** People say "#1157" and expect /tickets/1157 to be that ticket; ids stay inside the database and the API. */
class TicketAddressIT extends ApiTest {
    @Test
    void aTicketPageLivesAtItsNumberAndEveryLinkToItUsesTheNumber() {
        var agent = newAgent(AgentRole.AGENT);
        var opened = api(agent)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Invoices are empty",
                                "body",
                                "Since Monday.",
                                "requester",
                                Map.of("email", unique("req") + "@example.org", "name", "Rita")));
        long id = opened.json().get("id").asLong();
        long number = opened.json().get("number").asLong();
        assertThat(number)
                .as("numbers start at 1000, ids at 1: the two must never be confused")
                .isNotEqualTo(id);
        var browser = signedIn(agent);

        var page = browser.get("/tickets/" + number, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).select("#ticket-subject").text()).isEqualTo("Invoices are empty");

        var list =
                Jsoup.parse(browser.get("/tickets?q=" + "Invoices", "text/html").body());
        assertThat(list.select("a[href=/tickets/" + number + "]"))
                .as("the list links to the number")
                .isNotEmpty();
        assertThat(list.select("a[href=/tickets/" + id + "]")).isEmpty();
    }

    @Test
    void anAddressWithNoSuchNumberSaysSoAndTheApiAnswersByNumberToo() {
        var agent = newAgent(AgentRole.AGENT);
        var opened = api(agent)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Login loops",
                                "body",
                                "Again.",
                                "requester",
                                Map.of("email", unique("req") + "@example.org", "name", "Rita")));
        long id = opened.json().get("id").asLong();
        long number = opened.json().get("number").asLong();

        var missing = signedIn(agent).get("/tickets/99999999", "text/html");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).text()).contains("There is no ticket #99999999");

        var byNumber = api(agent).get("/api/v1/tickets/by-number/" + number);
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.json().get("id").asLong()).isEqualTo(id);
        assertThat(api(agent).get("/api/v1/tickets/" + id).json().get("number").asLong())
                .isEqualTo(number);
        var unknown = api(agent).get("/api/v1/tickets/by-number/99999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("There is no ticket #99999999.");
    }
}
