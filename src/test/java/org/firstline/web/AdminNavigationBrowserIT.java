package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * An admin finds the admin pages at {@code /admin}; the top bar wraps rather than scrolling sideways, on a laptop
 * (1280 px) and a phone (375 px); and the desk's incident dialog wraps long incident titles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminNavigationBrowserIT extends ApiTest {
    static final List<Integer> WIDTHS = List.of(1280, 375);

    WebDriver browser;
    AgentView admin;

    @BeforeAll
    void start() {
        browser = BrowserSupport.start();
        admin = newAgent(AgentRole.ADMIN);
        BrowserSupport.signIn(browser, base(), admin.username(), PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void adminLeadsToTheFirstAdminPage() {
        browser.get(base() + "/admin");
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().endsWith("/admin/agents"));
        // the agents page itself, not an error page (random tokens on a page may well contain "404")
        assertThat(browser.getTitle()).isEqualTo("Agents · Firstline");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
    }

    @Test
    void theTopBarWrapsRatherThanScrollingSideways() {
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            for (String page : List.of("/admin/agents", "/admin/status", "/tickets")) {
                browser.get(base() + page);
                BrowserSupport.waitFor(
                        browser,
                        d -> !d.findElements(By.cssSelector("header.top nav")).isEmpty());
                long navScroll = number("return document.querySelector('header.top nav').scrollWidth");
                long navWidth = number("return document.querySelector('header.top nav').clientWidth");
                assertThat(navScroll)
                        .as("the top bar of " + page + " at " + width + " px scrolls sideways")
                        .isLessThanOrEqualTo(navWidth);
                long lastLinkRight = number("var links = document.querySelectorAll('header.top nav a');"
                        + " return Math.ceil(links[links.length - 1].getBoundingClientRect().right)");
                assertThat(lastLinkRight)
                        .as("the Admin link on " + page + " at " + width + " px is in sight")
                        .isLessThanOrEqualTo(number("return window.innerWidth"));
                assertFits(page + " at " + width + " px");
            }
        }
    }

    @Test
    void theDesksIncidentDialogWrapsLongTitles() {
        var agent = api(admin);
        String title = unique("Long") + " " + "Unbrokenincidenttitle".repeat(8);
        assertThat(agent.post("/api/v1/incidents", Map.of("title", title)).status())
                .isEqualTo(201);
        long team = agent.post("/api/v1/teams", Map.of("name", unique("Nav")))
                .json()
                .get("id")
                .asLong();
        // routed to a team: it does not wait on the desk that other tests count
        long ticket = agent.post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                unique("Dialog"),
                                "body",
                                "x",
                                "teamId",
                                team,
                                "requester",
                                Map.of("email", unique("dia") + "@nav.test", "name", "Dia")))
                .json()
                .get("id")
                .asLong();
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(base() + "/triage");
            // what the desk's i key does for the selected ticket
            ((JavascriptExecutor) browser).executeScript("""
                            var box = document.getElementById('incident-dialog');
                            fetch('/incidents/picker?ticketIds=' + arguments[0], { credentials: 'same-origin' })
                              .then(function (r) { return r.text(); })
                              .then(function (t) { box.innerHTML = t; box.hidden = false; });""", ticket);
            BrowserSupport.waitFor(
                    browser,
                    d -> d.findElement(By.id("incident-dialog")).getText().contains("Unbrokenincidenttitle"));
            String where = "the incident dialog at " + width + " px";
            assertThat(number("var l = document.querySelector('#incident-dialog .incident-choices');"
                            + " return l.scrollWidth - l.clientWidth"))
                    .as(where + ": its join list scrolls sideways")
                    .isLessThanOrEqualTo(0);
            assertThat(number("var d = document.getElementById('incident-dialog');"
                            + " return d.scrollWidth - d.clientWidth"))
                    .as(where + " scrolls sideways")
                    .isLessThanOrEqualTo(0);
            assertThat(number("var d = document.getElementById('incident-dialog').getBoundingClientRect();"
                            + " var b = Array.prototype.slice.call("
                            + "document.querySelectorAll('#incident-dialog .incident-choices button'));"
                            + " return Math.max.apply(null, b.map(function (x) {"
                            + " return Math.ceil(x.getBoundingClientRect().right - d.right); }))"))
                    .as(where + ": a join button sticks out")
                    .isLessThanOrEqualTo(0);
            assertFits("/triage at " + width + " px");
        }
    }

    private void assertFits(String where) {
        assertThat(number("return document.scrollingElement.scrollWidth"))
                .as(where + " scrolls sideways")
                .isLessThanOrEqualTo(number("return window.innerWidth"));
    }

    private long number(String script) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
