package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.firstline.FirstlineApplication;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.Priority;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Firstline nodes on one database, a browser on each: what one triager does from the keyboard on node A shows on
 * node B's desk live, claims keep them off each other's rows, and the ticket page shows who else is on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TriageDeskBrowserIT {
    private static final String PASSWORD = "triage browser password";

    @LocalServerPort
    int portA;

    @Autowired
    DataSource dataSource;

    @Autowired
    AgentService agents;

    @Autowired
    TeamService teams;

    @Autowired
    TicketService tickets;

    @Autowired
    org.firstline.ticket.TicketQueries ticketQueries;

    @Autowired
    org.firstline.ticket.TicketChanges changes;

    @Autowired
    org.firstline.triage.OwnershipMap ownershipMap;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.firstline.triage.internal.SuggestionRefresher refresher;

    ConfigurableApplicationContext nodeB;
    int portB;
    WebDriver ann;
    WebDriver bob;
    AgentView annAgent;
    AgentView bobAgent;
    AgentPrincipal annPrincipal;
    long ops;
    long docs;

    @BeforeAll
    void startSecondNodeAndBrowsers() {
        nodeB = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + org.firstline.support.PoolUrl.of(dataSource),
                        "--spring.datasource.username=postgres",
                        "--firstline.demo-data=false",
                        "--firstline.email.background=false",
                        "--firstline.triage.background=false",
                        "--firstline.data-dir=target/test-data/node-b");
        portB = Integer.parseInt(nodeB.getEnvironment().getProperty("local.server.port"));
        annAgent = agents.create(new AgentForm(
                "ann-triage",
                "Ann Triager",
                "ann@support.test",
                AgentRole.AGENT,
                "UTC",
                "",
                30,
                PASSWORD,
                true,
                List.of()));
        bobAgent = agents.create(new AgentForm(
                "bob-triage",
                "Bob Triager",
                "bob@support.test",
                AgentRole.AGENT,
                "UTC",
                "",
                30,
                PASSWORD,
                true,
                List.of()));
        annPrincipal = agents.principal(annAgent.id()).orElseThrow();
        ops = teams.create(new TeamForm("Operations", "", List.of(annAgent.id(), bobAgent.id())))
                .id();
        docs = teams.create(new TeamForm("Docs", "", List.of(annAgent.id()))).id();
        for (int i = 0; i < 3; i++) open("Overnight ticket " + i, "Something broke at night, number " + i);
        ann = BrowserSupport.start();
        bob = BrowserSupport.start();
        BrowserSupport.signIn(ann, base(portA), "ann-triage", PASSWORD);
        BrowserSupport.signIn(bob, base(portB), "bob-triage", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (ann != null) ann.quit();
        if (bob != null) bob.quit();
        if (nodeB != null) nodeB.close();
    }

    private long open(String subject, String body) {
        return tickets.open(
                        OpenTicketForm.of(subject, body, "requester@example.org", "Rita Requester", Channel.API),
                        annPrincipal,
                        null)
                .id();
    }

    private static String base(int port) {
        return "http://localhost:" + port;
    }

    private void openDesk(WebDriver browser, int port) {
        browser.get(base(port) + "/triage");
        BrowserSupport.waitFor(
                browser,
                d -> "connected"
                        .equals(d.findElement(By.cssSelector("section.desk")).getAttribute("data-live")));
    }

    private static WebElement row(WebDriver browser, long id) {
        var rows = browser.findElements(By.cssSelector("#desk-rows tr[data-id='" + id + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void keys(WebDriver browser, CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(keys).perform();
    }

    private static void selectRow(WebDriver browser, long id) {
        // the rows are re-read whenever something changes: click until the fresh row shows the selection
        BrowserSupport.waitFor(browser, d -> {
            var r = row(d, id);
            if (r == null) return false;
            if (!r.getAttribute("class").contains("selected"))
                r.findElement(By.cssSelector("td.suggested")).click();
            return row(d, id).getAttribute("class").contains("selected");
        });
    }

    private static String status(WebDriver browser) {
        return browser.findElement(By.id("desk-status")).getText();
    }

    @Test
    @Order(1)
    void aTicketCreatedThroughNodeAAppearsOnNodeBsDeskWithoutAReload() {
        openDesk(ann, portA);
        openDesk(bob, portB);
        ((JavascriptExecutor) bob).executeScript("window.__sameDesk = true");
        long started = System.nanoTime();
        var created = ApiClient.basic(portA, "ann-triage", PASSWORD)
                .post(
                        "/api/v1/tickets",
                        ApiClient.map(
                                "subject",
                                "Created on node A",
                                "body",
                                "Please route me",
                                "requester",
                                ApiClient.map("email", "nodea@example.org", "name", "Nadia")));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // about a second on an idle machine, several on a busy one: the time is reported, the test asserts only that
        // the row arrives by itself (no reload) while the page stays open
        new org.openqa.selenium.support.ui.WebDriverWait(bob, Duration.ofSeconds(20))
                .pollingEvery(Duration.ofMillis(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> row(d, id) != null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Ticket created on node A visible on node B's desk after " + millis + " ms");
        assertThat(((JavascriptExecutor) bob).executeScript("return window.__sameDesk === true"))
                .as("the desk was not reloaded")
                .isEqualTo(true);
    }

    @Test
    @Order(2)
    void keyboardTriageOnOneNodeUpdatesTheOtherAndAClaimKeepsTheOtherTriagerOff() {
        openDesk(ann, portA);
        openDesk(bob, portB);
        long target = open("Docs page is wrong", "The install guide mentions an old flag.");
        long contested = open("Contested ticket", "Both triagers look at this one.");
        // Ann selects a row: Bob sees her on it
        selectRow(ann, contested);
        BrowserSupport.waitFor(
                bob,
                d -> row(d, contested) != null && row(d, contested).getText().contains("Ann Triager"));
        // Ann opens the team picker on it (that claims the row) and closes it again
        keys(ann, "t");
        BrowserSupport.waitFor(ann, d -> d.findElement(By.id("picker")).isDisplayed());
        keys(ann, Keys.ESCAPE);
        BrowserSupport.waitFor(bob, d -> row(d, contested).getText().contains("claimed by Ann Triager"));
        // Bob tries the same row and is told why not
        selectRow(bob, contested);
        keys(bob, "t");
        BrowserSupport.waitFor(bob, d -> status(d).contains("Ann Triager is working on this ticket"));
        assertThat(bob.findElement(By.id("picker")).isDisplayed()).isFalse();

        // Ann routes the other ticket from the keyboard: t, filter "docs", Enter
        selectRow(ann, target);
        keys(ann, "2");
        BrowserSupport.waitFor(ann, d -> status(d).startsWith("High:"));
        assertThat(tickets.get(target).priority()).isEqualTo(Priority.HIGH);
        keys(ann, "t");
        BrowserSupport.waitFor(ann, d -> d.findElement(By.id("picker")).isDisplayed());
        keys(ann, "docs", Keys.ENTER);
        BrowserSupport.waitFor(ann, d -> status(d).startsWith("Assigned"));
        assertThat(tickets.get(target).teamId()).isEqualTo(docs);
        BrowserSupport.waitFor(ann, d -> row(d, target) == null);
        BrowserSupport.waitFor(bob, d -> row(d, target) == null);
    }

    @Test
    @Order(3)
    void bulkSelectionAssignsSeveralToMeAtOnce() {
        openDesk(bob, portB);
        long one = open("Bulk one", "first");
        long two = open("Bulk two", "second");
        selectRow(bob, one);
        keys(bob, "x");
        selectRow(bob, two);
        keys(bob, "x");
        BrowserSupport.waitFor(bob, d -> status(d).startsWith("2 selected"));
        keys(bob, "a");
        BrowserSupport.waitFor(bob, d -> status(d).startsWith("Assigned to you"));
        assertThat(tickets.get(one).ownerId()).isEqualTo(bobAgent.id());
        assertThat(tickets.get(two).ownerId()).isEqualTo(bobAgent.id());
        assertThat(tickets.get(two).teamId()).isEqualTo(ops);
    }

    @Test
    @Order(4)
    void scriptInASubjectOrRequesterNameStaysTextOnTheDesk() {
        long id = tickets.open(
                        OpenTicketForm.of(
                                "<script>window.__xss='subject'</script><img src=x onerror=\"window.__xss='img'\">",
                                "<svg onload=\"window.__xss='svg'\">",
                                "mallory@example.org",
                                "<script>window.__xss='name'</script>",
                                Channel.API),
                        annPrincipal,
                        null)
                .id();
        openDesk(ann, portA);
        BrowserSupport.waitFor(ann, d -> row(d, id) != null);
        assertThat(row(ann, id).findElement(By.cssSelector("td.subject a")).getText())
                .startsWith("<script>");
        assertThat(row(ann, id).findElements(By.cssSelector("img"))).isEmpty();
        BrowserSupport.assertNoScriptRan(ann);
    }

    @Test
    @Order(5)
    void keysTypedWhileTheClaimIsOnItsWayReachThePickerInOrder() {
        long id = open("Typed fast", "A triager who knows the keys types t and 2 at once.");
        var before = tickets.get(id).priority();
        refresher.refresh(id); // the row's suggestion settles first: it decides the picker's order
        openDesk(ann, portA);
        selectRow(ann, id);
        // the picker lists the suggested team first, then the others in the desk's order
        String secondTeam = (String) ((JavascriptExecutor) ann).executeScript("""
                var suggested = document.querySelector('#desk-rows tr[data-id="' + arguments[0] + '"]').getAttribute('data-team');
                var ids = Array.prototype.map.call(document.querySelectorAll('#team-options li'), function (li) { return li.getAttribute('data-id'); });
                ids.sort(function (a, b) { return (b === suggested) - (a === suggested); });
                return ids[1];""", String.valueOf(id));
        // the claim takes a little while: hold it back so "2" surely arrives before the picker opens
        ((JavascriptExecutor) ann).executeScript("""
                var original = window.fetch;
                window.fetch = function (url, options) {
                  var answer = original.apply(this, arguments);
                  return String(url).indexOf('/claim') > 0 ? answer.then(function (r) { return new Promise(function (done) { setTimeout(function () { done(r); }, 400); }); }) : answer;
                };""");
        keys(ann, "t2");
        BrowserSupport.waitFor(ann, d -> status(d).startsWith("Assigned"));
        assertThat(tickets.get(id).teamId()).isEqualTo(Long.parseLong(secondTeam));
        assertThat(tickets.get(id).priority()).isEqualTo(before);
        assertThat(ann.findElement(By.id("picker")).isDisplayed()).isFalse();
    }

    @Test
    @Order(7)
    void aReadOnlyAgentIsToldWhyTheKeysDoNothing() {
        agents.create(new AgentForm(
                "rita-readonly",
                "Rita Reader",
                "rita@support.test",
                AgentRole.READ_ONLY,
                "UTC",
                "",
                0,
                PASSWORD,
                true,
                List.of()));
        long id = open("Read-only eyes", "Only looking.");
        WebDriver rita = BrowserSupport.start();
        try {
            BrowserSupport.signIn(rita, base(portA), "rita-readonly", PASSWORD);
            openDesk(rita, portA);
            selectRow(rita, id);
            keys(rita, "t");
            BrowserSupport.waitFor(
                    rita,
                    d -> status(d).equals("Read-only agents can't change tickets; ask an admin for the agent role."));
            assertThat(rita.findElement(By.id("picker")).isDisplayed()).isFalse();
            keys(rita, "2");
            BrowserSupport.waitFor(rita, d -> status(d).startsWith("Read-only agents can't change tickets"));
            assertThat(tickets.get(id).priority()).isEqualTo(Priority.NORMAL);
            assertThat(tickets.get(id).teamId()).isNull();
        } finally {
            rita.quit();
        }
    }

    @Test
    @Order(6)
    void aTriagerClearsAHundredOvernightTicketsFromTheKeyboardInOneSession() {
        ownershipMap.add(
                new org.firstline.triage.OwnershipRuleForm(ops, org.firstline.triage.RuleKind.KEYWORD, "outage", 5));
        ownershipMap.add(
                new org.firstline.triage.OwnershipRuleForm(docs, org.firstline.triage.RuleKind.KEYWORD, "guide", 5));
        // whatever earlier tests left on the desk goes first, so the hundred are all that waits
        ticketQueries
                .list(
                        new org.firstline.ticket.TicketFilter(
                                List.of(org.firstline.ticket.TicketStatus.NEW, org.firstline.ticket.TicketStatus.OPEN),
                                List.of(),
                                true,
                                null,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null),
                        null,
                        200)
                .items()
                .forEach(t -> changes.change(
                        t.id(),
                        org.firstline.ticket.TicketChange.routing(java.util.Optional.of(ops), null),
                        annPrincipal));
        var expected = new java.util.HashMap<Long, Long>();
        for (int i = 0; i < 100; i++) {
            boolean outage = i % 2 == 0;
            long id = open(
                    outage ? "Outage on cluster " + i : "The setup guide is wrong, page " + i,
                    outage ? "An outage since 3am on node " + i : "The guide skips a step on page " + i);
            expected.put(id, outage ? ops : docs);
        }
        // suggestions are computed just after each ticket's commit; fill in whatever is still on its way
        refresher.fillMissing(200);
        assertThat(jdbc.sql("select count(*) from ticket_suggestion where ticket_id = any(?) and team_id is not null")
                        .param(expected.keySet().toArray(Long[]::new))
                        .query(Integer.class)
                        .single())
                .isEqualTo(100);
        openDesk(ann, portA);
        ann.findElement(By.cssSelector("#desk-session button.primary")).click();
        BrowserSupport.waitFor(
                ann, d -> d.findElement(By.id("desk-session")).getText().contains("Triage session"));
        openDesk(ann, portA);
        BrowserSupport.waitFor(
                ann, d -> "100".equals(d.findElement(By.id("desk-rows")).getAttribute("data-waiting")));
        long started = System.nanoTime();
        for (int done = 0; done < 100; done++) {
            // the rows are replaced whenever a change arrives: read the selection afresh until it holds still
            String selected = BrowserSupport.read(
                    ann,
                    d -> d.findElement(By.cssSelector("#desk-rows tr.selected")).getAttribute("data-id"));
            keys(ann, "t");
            BrowserSupport.waitFor(ann, d -> d.findElement(By.id("picker")).isDisplayed());
            keys(ann, Keys.ENTER); // the suggested team is first in the picker
            int left = 99 - done;
            BrowserSupport.waitFor(
                    ann,
                    d -> Integer.parseInt(d.findElement(By.id("desk-rows")).getAttribute("data-waiting")) == left
                            && (left == 0
                                    || !d.findElements(By.cssSelector("#desk-rows tr.selected"))
                                                    .isEmpty()
                                            && !selected.equals(d.findElement(By.cssSelector("#desk-rows tr.selected"))
                                                    .getAttribute("data-id"))));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "One triager cleared 100 tickets from the keyboard in %.1f s (%.2f s per ticket)%n",
                seconds, seconds / 100);
        expected.forEach((id, team) ->
                assertThat(tickets.get(id).teamId()).as("team of ticket " + id).isEqualTo(team));
        BrowserSupport.waitFor(
                ann, d -> d.findElement(By.id("desk-session")).getText().contains("100 handled"));
        ann.findElement(By.cssSelector("#desk-session button[type=submit]")).click();
        BrowserSupport.waitFor(
                ann, d -> !d.findElements(By.cssSelector(".flash.ok")).isEmpty());
        assertThat(ann.findElement(By.cssSelector(".flash.ok")).getText())
                .contains("100 tickets handled")
                .contains("Ann Triager");
    }

    @Test
    @Order(8)
    void theTicketPageShowsWhoElseIsOnItAndHoldsAReplyWrittenAgainstAnOlderConversation() {
        long id = open("Two agents, one ticket", "Who answers?");
        long number = tickets.get(id).number();
        ann.get(base(portA) + "/tickets/" + number);
        bob.get(base(portB) + "/tickets/" + number);
        BrowserSupport.waitFor(
                bob, d -> d.findElement(By.id("presence")).getText().contains("Ann Triager is viewing"));
        ann.findElement(By.id("reply-body")).sendKeys("Ann's draft answer");
        BrowserSupport.waitFor(
                bob, d -> d.findElement(By.id("presence")).getText().contains("Ann Triager is writing a reply"));
        // Bob answers first, over the API
        ApiClient.basic(portB, "bob-triage", PASSWORD)
                .post("/api/v1/tickets/" + id + "/messages", ApiClient.map("body", "Bob's answer"));
        BrowserSupport.waitFor(ann, d -> d.findElement(By.id("new-message")).isDisplayed());
        ann.findElement(By.cssSelector("form[aria-label=Reply] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                ann, d -> !d.findElements(By.cssSelector(".flash.error")).isEmpty());
        assertThat(ann.findElement(By.cssSelector(".flash.error")).getText())
                .contains("Not sent")
                .contains("Bob Triager");
        assertThat(ann.findElement(By.id("reply-body")).getAttribute("value")).isEqualTo("Ann's draft answer");
        assertThat(ann.getPageSource()).contains("Bob's answer");
        // having seen it, Ann sends
        ann.findElement(By.cssSelector("form[aria-label=Reply] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                ann, d -> d.findElements(By.cssSelector("article.message")).size() == 3);
        ((JavascriptExecutor) ann).executeScript("window.scrollTo(0, 0)");
    }
}
