package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Files attached to the ticket itself, not to a message, are on the ticket page for everyone who reads it. */
class TicketFilesPageIT extends ApiTest {
    @Test
    void aFileAttachedFromTheSidePanelIsListedOnTheTicketPageWithItsDownloadLink() {
        var agent = newAgent(AgentRole.AGENT);
        var opened = api(agent)
                .post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Export fails",
                                "body",
                                "The export page fails.",
                                "requester",
                                Map.of("email", unique("req") + "@example.org", "name", "Rita")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        long number = opened.json().get("number").asLong();
        var browser = signedIn(agent);
        String csrf = ApiClient.csrfToken(
                browser.get("/tickets/" + number, "text/html").body());

        var upload = browser.postMultipart(
                "/tickets/" + number + "/attachments?_csrf=" + csrf,
                "file",
                "network-trace.har",
                "{\"log\":{}}".getBytes(StandardCharsets.UTF_8));
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);

        var page = org.jsoup.Jsoup.parse(
                browser.get("/tickets/" + number, "text/html").body());
        assertThat(page.select(".flash").text()).isEqualTo("network-trace.har added to the ticket's files.");
        long fileId = api(agent)
                .get("/api/v1/tickets/" + id + "/attachments")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong();
        var files = page.select("#ticket-files a");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).text()).isEqualTo("network-trace.har");
        assertThat(files.get(0).attr("href")).isEqualTo("/attachments/" + fileId);
        // a reader who cannot upload still sees the file
        String readerPage = signedIn(newAgent(AgentRole.READ_ONLY))
                .get("/tickets/" + number, "text/html")
                .body();
        assertThat(org.jsoup.Jsoup.parse(readerPage).select("#ticket-files a").text())
                .isEqualTo("network-trace.har");
    }
}
