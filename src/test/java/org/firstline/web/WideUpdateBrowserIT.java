package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An incident update with a long unbroken word, a wide Markdown table and a long code line: on a 375 px phone the
 * public form's banner and the status page wrap the text and scroll the table and the code in their own boxes, so
 * the page itself never scrolls sideways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WideUpdateBrowserIT extends ApiTest {
    static final String WORD = "Unbroken".repeat(30);
    static final String TABLE = "| region | service | state | since | ticket | note |\n|---|---|---|---|---|---|\n"
            + "| europe-west-frankfurt-1 | authentication-gateway | degraded-performance | 2026-11-29T10:00:00Z"
            + " | https://example.com/some/long/path/to/a/page | " + "wide".repeat(20) + " |\n";
    static final String CODE = "```\n" + "curl -sS https://api.example.com/v1/".repeat(6) + "\n```";

    @Autowired
    StatusBoard board;

    WebDriver browser;

    @BeforeAll
    void start() {
        browser = BrowserSupport.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void aWideUpdateWrapsOnAPhoneInTheFormsBannerAndOnTheStatusPage() {
        var agent = api(AgentRole.AGENT);
        String title = unique("Wide update") + " " + "Unbroken".repeat(15);
        long id = agent.post("/api/v1/incidents", Map.of("title", title))
                .json()
                .get("id")
                .asLong();
        assertThat(agent.post(
                                "/api/v1/incidents/" + id + "/updates",
                                Map.of(
                                        "status",
                                        "IDENTIFIED",
                                        "public",
                                        true,
                                        "body",
                                        WORD + "\n\n" + TABLE + "\n" + CODE))
                        .status())
                .isEqualTo(201);
        assertThat(board.refresh()).isTrue();

        browser.manage().window().setSize(new Dimension(375, 812));
        String base = "http://localhost:" + port;
        browser.get(base + "/request");
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("<table"));
        assertFitsTheScreen("/request");

        browser.get(base + "/status");
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("<table"));
        assertFitsTheScreen("/status");
    }

    private void assertFitsTheScreen(String page) {
        var js = (JavascriptExecutor) browser;
        long inner = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long scroll = ((Number) js.executeScript("return document.scrollingElement.scrollWidth")).longValue();
        assertThat(inner).as("a phone's width").isLessThanOrEqualTo(375);
        assertThat(scroll)
                .as(page + " does not scroll sideways at " + inner + " px")
                .isLessThanOrEqualTo(inner);
    }
}
