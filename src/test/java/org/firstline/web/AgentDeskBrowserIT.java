package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An agent's day in a real browser, on the demo data: sign in, find a ticket, reply. Saves the README screenshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "firstline.demo-data=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentDeskBrowserIT {
    private static final String PASSWORD = "browser test password";

    @LocalServerPort
    int port;

    @Autowired
    AgentService agents;

    @Autowired
    TicketService tickets;

    @Autowired
    org.firstline.triage.TriageLearning learning;

    @Autowired
    org.firstline.directory.TeamService teams;

    @Autowired
    org.firstline.triage.TriageDesk desk;

    @Autowired
    org.firstline.triage.internal.SuggestionRefresher refresher;

    WebDriver browser;
    AgentPrincipal agent;

    @BeforeAll
    void signIn() {
        browser = BrowserSupport.start();
        var created = agents.create(new AgentForm(
                "browser",
                "Bea Browser",
                "bea@support.test",
                AgentRole.ADMIN,
                "Europe/London",
                "Bea\nSupport team",
                30,
                PASSWORD,
                true,
                List.of()));
        agent = agents.principal(created.id()).orElseThrow();
        browser.get(url("/tickets"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        BrowserSupport.signIn(browser, url(""), "browser", PASSWORD);
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void listsDemoTicketsWithSavedViewCounts() {
        // the demo's 200 tickets, whatever the other tests add or change: a full page shows more than 20
        browser.get(url("/tickets"));
        waitFor(d ->
                d.findElements(By.cssSelector("table.list tbody tr[data-href]")).size() > 20);
        // the counts arrive by htmx after the page has loaded
        waitFor(AgentDeskBrowserIT::viewCountsShown);
        assertThat(browser.findElement(By.cssSelector(".views")).getText()).contains("Triage: no team", "All open");
        BrowserSupport.screenshot(browser, "tickets");
        browser.findElement(By.tagName("body")).sendKeys("j");
        waitFor(d -> d.findElements(By.cssSelector("tr.selected")).size() == 1);
        BrowserSupport.phone(browser);
        browser.navigate().refresh();
        waitFor(AgentDeskBrowserIT::viewCountsShown);
        BrowserSupport.screenshot(browser, "tickets-phone");
        BrowserSupport.desktop(browser);
    }

    @Test
    @Order(2)
    void opensADemoTicketAndPostsAReplyThatAppearsInTheConversation() {
        browser.get(url("/tickets?status=NEW"));
        browser.findElement(By.cssSelector("table.list tbody td.subject a")).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
        assertThat(browser.findElement(By.cssSelector("aside")).getText()).contains("Requester");
        String reply = "We restarted the proxy; please try again. " + System.nanoTime();
        browser.findElement(By.id("reply-body")).sendKeys(reply);
        browser.findElement(By.cssSelector("form[aria-label=Reply] button[type=submit]"))
                .click();
        waitFor(d -> d.getPageSource().contains(reply));
        var last = browser.findElements(By.cssSelector("article.message")).getLast();
        assertThat(last.getText()).contains(reply).contains("Bea Browser").contains("Support team");
        // the demo has no mailbox: the reply is kept for one, and the agent is told so
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("Reply saved")
                .contains("no mailbox");
        assertThat(last.findElement(By.cssSelector(".unsent")).getText()).contains("Not sent yet");
        assertThat(browser.findElement(By.cssSelector(".badge.s-OPEN")).isDisplayed())
                .isTrue();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        BrowserSupport.screenshot(browser, "ticket");
    }

    @Test
    @Order(3)
    void aRefusedChangeSaysWhyOnThePage() {
        browser.get(url("/tickets?status=OPEN"));
        browser.findElement(By.cssSelector("table.list tbody td.subject a")).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
        String ticketUrl = browser.getCurrentUrl();
        new Select(browser.findElement(By.id("status-select"))).selectByValue("RESOLVED");
        assertThat(browser.findElement(By.id("resolution-fields")).isDisplayed())
                .isTrue();
        new Select(browser.findElement(By.id("resolution"))).selectByValue("CODE_FIX");
        browser.findElement(By.cssSelector("form[aria-label=Properties] button[type=submit]"))
                .click();
        waitFor(d -> !d.findElements(By.cssSelector(".flash.error")).isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(ticketUrl);
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("Resolution link")
                .contains("link the change");
        assertThat(browser.findElement(By.cssSelector(".badge.s-OPEN")).isDisplayed())
                .isTrue();
    }

    @Test
    @Order(4)
    void scriptInASubjectOrBodyIsShownAsTextAndNeverRuns() {
        var form = OpenTicketForm.of(
                "<script>window.__xss='subject'</script>Hello",
                "<img src=x onerror=\"window.__xss='body'\"><b>bold?</b><svg onload=\"window.__xss='svg'\">",
                "mallory@example.org",
                "<script>window.__xss='name'</script>",
                Channel.API);
        long id = tickets.open(form, agent, null).id();
        browser.get(url("/tickets/" + tickets.get(id).number()));
        assertThat(browser.findElement(By.id("ticket-subject")).getText())
                .isEqualTo("<script>window.__xss='subject'</script>Hello");
        assertThat(browser.findElement(By.cssSelector("article.message .body")).getText())
                .contains("<img src=x onerror=");
        assertThat(browser.findElements(By.cssSelector("article.message .body img")))
                .isEmpty();
        assertNoScriptRan();
        browser.get(url("/tickets?q=%23" + tickets.get(id).number()));
        assertThat(browser.findElement(By.cssSelector("td.subject a")).getText())
                .contains("<script>");
        assertNoScriptRan();
    }

    @Test
    @Order(5)
    void savesScreenshotsOfTheMainPages() {
        for (var page : List.of("organizations", "contacts", "tickets/new", "admin/agents", "admin/teams")) {
            browser.get(url("/" + page));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
            BrowserSupport.screenshot(browser, page.replace('/', '-'));
        }
        browser.get(url("/organizations"));
        browser.findElement(By.cssSelector("td.subject a")).click();
        waitFor(d -> d.getCurrentUrl().matches(".*/organizations/\\d+$"));
        BrowserSupport.screenshot(browser, "organization");
    }

    @Test
    @Order(6)
    void theTriagePagesOnTheDemoDataShowSuggestionsAndTheQueues() {
        learning.retrain();
        assertThat(refresher.fillMissing(500)).isGreaterThan(20);
        browser.get(url("/triage"));
        waitFor(d ->
                "connected".equals(d.findElement(By.cssSelector("section.desk")).getAttribute("data-live")));
        // the rows are redrawn whenever a change arrives live: wait on what they show rather than hold on to elements
        // the demo's map sends DNS and certificates to Operations; every row has a suggestion with its words
        waitFor(d -> {
            int rows = d.findElements(By.cssSelector("#desk-rows tr[data-id]")).size();
            String text = d.findElement(By.id("desk-rows")).getText();
            return rows >= 20
                    && text.contains("Operations")
                    && text.contains("matched:")
                    && d.findElements(By.cssSelector("#desk-rows td.suggested strong"))
                                    .size()
                            >= rows - 2;
        });
        BrowserSupport.screenshot(browser, "triage-desk");
        browser.get(url("/admin/ownership"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Learned from past assignments")
                .contains("Combined");
        BrowserSupport.screenshot(browser, "admin-ownership");
        browser.get(url("/triage/work"));
        assertThat(browser.findElements(By.cssSelector("table.list tbody tr[data-href]")))
                .isNotEmpty();
        BrowserSupport.screenshot(browser, "work-queue");
        browser.get(url("/triage/teams"));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Operations", "Platform", "Docs & Onboarding");
    }

    @Test
    @Order(7)
    void theDemoAdminIsOnATeamSoAssignToMeOnTheDeskWorks() {
        var admin = agents.principal("admin").orElseThrow();
        var operations = teams.list().stream()
                .filter(t -> t.name().equals("Operations"))
                .findFirst()
                .orElseThrow();
        assertThat(agents.get(admin.id()).teamIds()).contains(operations.id());
        long id = tickets.open(
                        org.firstline.ticket.OpenTicketForm.of(
                                "Assign me from the desk",
                                "The admin takes this one.",
                                "ada.quinn@hubbard.edu",
                                "Dr. Ada Quinn",
                                org.firstline.ticket.Channel.API),
                        admin,
                        null)
                .id();
        var assigned = desk.assignPerson(id, admin.id(), admin);
        assertThat(assigned.ownerId()).isEqualTo(admin.id());
        assertThat(assigned.teamId()).isEqualTo(operations.id());
    }

    private static boolean viewCountsShown(WebDriver d) {
        var counts = d.findElements(By.cssSelector(".views .count"));
        return !counts.isEmpty() && !counts.getFirst().getText().isBlank();
    }

    @Test
    @Order(7)
    void everyMainPageFitsAPhoneAndItsNavigationIsAllReachable() {
        BrowserSupport.phone(browser);
        try {
            long number = tickets.byNumber(1000).map(t -> t.number()).orElseThrow();
            var overflowing = new java.util.ArrayList<String>();
            for (String page : List.of(
                    "/tickets",
                    "/tickets/" + number,
                    "/triage",
                    "/triage/teams",
                    "/triage/work",
                    "/sla",
                    "/sla?view=quiet",
                    "/sla?view=at-risk",
                    "/sla/compliance",
                    "/organizations",
                    "/contacts",
                    "/tickets/new",
                    "/admin/agents",
                    "/admin/sla",
                    "/admin/ownership",
                    "/admin/definitions",
                    "/leads")) {
                browser.get(url(page));
                long width = BrowserSupport.read(browser, d ->
                        (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth"));
                if (width > 390) overflowing.add(page + " is " + width + " px wide");
            }
            assertThat(overflowing).as("pages wider than a 390 px phone").isEmpty();
            // every link of the main navigation can be seen without scrolling sideways
            browser.get(url("/tickets"));
            var links = browser.findElements(By.cssSelector("header.top nav a"));
            assertThat(links).hasSizeGreaterThan(6);
            for (var link : links) {
                long right = BrowserSupport.read(
                        browser,
                        d -> ((Number) ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return Math.ceil(arguments[0].getBoundingClientRect().right)", link))
                                .longValue());
                assertThat(right).as(link.getText() + " is cut off").isLessThanOrEqualTo(390);
            }
        } finally {
            BrowserSupport.desktop(browser);
        }
    }

    @Test
    @Order(8)
    void theDemoAgentsShareTheOnePasswordPrintedWithTheAdminsSoTwoPeopleCanTryTheDesk() throws Exception {
        String password = java.nio.file.Files.readString(java.nio.file.Path.of("target/test-data/demo-agents-password"))
                .strip();
        var demo = agents.list().stream()
                .filter(a -> a.email().endsWith("@support.example") && a.active())
                .toList();
        assertThat(demo).hasSizeGreaterThan(3);
        WebDriver second = BrowserSupport.start();
        try {
            BrowserSupport.signIn(second, url(""), demo.get(0).username(), password);
            second.get(url("/triage"));
            assertThat(second.getCurrentUrl()).doesNotContain("/login");
            assertThat(second.findElement(By.cssSelector("header .who a")).getText())
                    .isEqualTo(demo.get(0).displayName());
        } finally {
            second.quit();
        }
    }

    private void assertNoScriptRan() {
        BrowserSupport.assertNoScriptRan(browser);
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        BrowserSupport.waitFor(browser, condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
