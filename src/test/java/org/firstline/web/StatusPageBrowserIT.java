package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public status page in Chromium: script and markup that agents typed into names, titles and updates stay
 * text, links to javascript: lead nowhere, and at phone width nothing is wider than the screen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageBrowserIT extends ApiTest {
    private static final String SCRIPT = "<script>window.__xss=1;alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=\"window.__xss=2;alert(2)\">";
    private static final String LINK = "[click me](javascript:window.__xss=3)";

    @Autowired
    StatusBoard board;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

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
    void whatAgentsTypedStaysTextAndThePageFitsAPhone() {
        var admin = api(AgentRole.ADMIN);
        String tag = unique("Browser");
        long component = admin.post(
                        "/api/v1/components", Map.of("name", tag + SCRIPT, "description", IMG, "group", IMG))
                .json()
                .get("id")
                .asLong();
        admin.post("/api/v1/components", Map.of("name", tag + "-" + "Unbroken".repeat(20)));
        admin.post("/api/v1/components/" + component + "/status", Map.of("status", "DEGRADED_PERFORMANCE"));
        Instant now = clock.instant();
        admin.post(
                "/api/v1/maintenances",
                Map.of(
                        "title", tag + IMG,
                        "body", LINK + " " + SCRIPT,
                        "scheduledFor", now.plus(Duration.ofHours(3)).toString(),
                        "scheduledUntil", now.plus(Duration.ofHours(4)).toString(),
                        "componentIds", List.of(component)));
        transactions.executeWithoutResult(tx -> {
            long incident = jdbc.sql("""
                            insert into incident (title, status, impact, public, declared_at, updated_at)
                            values (?, 'INVESTIGATING', 'CRITICAL', true, ?, ?) returning id""")
                    .params(tag + SCRIPT + IMG, Timestamp.from(now), Timestamp.from(now))
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into incident_update (incident_id, status, body, public, posted_at)
                            values (?, 'INVESTIGATING', ?, true, ?)""")
                    .params(
                            incident,
                            LINK + "\n\n" + SCRIPT + "\n\n" + IMG + "\n\n<a href=\"javascript:window.__xss=4\">raw</a>",
                            Timestamp.from(now))
                    .update();
        });
        assertThat(board.refresh()).isTrue();

        BrowserSupport.desktop(browser);
        browser.get("http://localhost:" + port + "/status");
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains(tag));
        BrowserSupport.assertNoScriptRan(browser);
        var js = (JavascriptExecutor) browser;
        assertThat(browser.findElements(By.cssSelector("img"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript'], [onerror]")))
                .isEmpty();
        assertThat((Long) js.executeScript("return document.scripts.length")).isEqualTo(1L);
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains(tag + SCRIPT, tag + IMG, "window.__xss=1;alert(1)", "click me");
        String clickMe = "//a[normalize-space(.)='click me']";
        for (var link : browser.findElements(By.xpath(clickMe))) {
            link.click();
            BrowserSupport.assertNoScriptRan(browser);
        }

        BrowserSupport.phone(browser);
        browser.get("http://localhost:" + port + "/status");
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains(tag));
        long scrollWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
        long clientWidth = (Long) js.executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth).as("nothing wider than the phone").isLessThanOrEqualTo(clientWidth);
        BrowserSupport.assertNoScriptRan(browser);
    }
}
