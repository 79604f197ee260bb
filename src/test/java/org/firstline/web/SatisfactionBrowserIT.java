package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firstline.email.EmailAdministration;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The requester's journey in Chromium: from the resolution mail's link to confirming the fix and rating, then the
 * agent sees the rating on the ticket, with the comment's markup shown as text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"firstline.attachment-max-bytes=100000", "firstline.public-url=http://desk.test"})
class SatisfactionBrowserIT extends ApiTest {
    private static final String XSS =
            "Great <script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2\">";
    private static final Pattern CONFIRM =
            Pattern.compile("http://desk\\.test(/resolutions/[A-Za-z0-9_-]+\\?answer=confirm)");

    @Autowired
    EmailAdministration administration;

    @Autowired
    JdbcClient jdbc;

    TestMailServer mail;
    WebDriver browser;

    @BeforeAll
    void start() {
        mail = new TestMailServer("journey@firstline.test");
        browser = BrowserSupport.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (mail != null) mail.close();
    }

    @Test
    void fromTheResolutionMailToConfirmingAndRatingThenOnTheTicket() throws Exception {
        var admin = api(AgentRole.ADMIN);
        long mailboxId = mail.mailbox(admin, "Journey Desk");
        var owner = newAgent(AgentRole.AGENT);
        String customer = unique("journey") + "@customer.test";
        String subject = unique("Notebook server will not start");
        String messageId = Mails.newId();
        mail.deliver("From: <" + customer + ">\r\nTo: journey@firstline.test\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nIt does not start.\r\n");
        administration.poll(mailboxId);
        long id = jdbc.sql("select ticket_id from inbound_email where message_id = ?")
                .param(messageId)
                .query(Long.class)
                .single();
        long team = admin.post("/api/v1/teams", map("name", unique("Journey"), "memberIds", List.of(owner.id())))
                .json()
                .get("id")
                .asLong();
        admin.patch(
                "/api/v1/tickets/" + id,
                map("teamId", team, "ownerId", owner.id(), "status", "RESOLVED", "resolution", "WORKAROUND"));
        administration.sendOutbox();
        var resolution = mail.sentTo(customer).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().contains("] Resolved: ");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        String text = Mails.text(resolution);
        assertThat(text).contains("How did we do?", "/survey/");
        Matcher confirm = CONFIRM.matcher(text);
        assertThat(confirm.find()).isTrue();

        String base = "http://localhost:" + port;
        BrowserSupport.desktop(browser);
        browser.get(base + confirm.group(1));
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Is it fixed?"));
        assertThat(browser.findElements(By.id("survey-form")))
                .as("asked after the answer")
                .isEmpty();
        browser.findElement(By.cssSelector("button[value=confirm]")).click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.id("survey-form")).isEmpty());
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("the request is closed");

        BrowserSupport.screenshot(browser, "satisfaction-survey");
        browser.findElement(By.cssSelector("label[for=rating-5]")).click();
        browser.findElement(By.id("survey-comment")).sendKeys(XSS);
        browser.findElement(By.id("survey-submit")).click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Thank you for your rating: 5 out of 5"));
        BrowserSupport.assertNoScriptRan(browser);

        var status = admin.get("/api/v1/tickets/" + id).json();
        assertThat(status.get("status").asString()).isEqualTo("CLOSED");
        long number = status.get("number").asLong();
        browser.manage().deleteAllCookies();
        BrowserSupport.signIn(browser, base, owner.username(), PASSWORD);
        browser.get(base + "/tickets/" + number);
        String panel = BrowserSupport.read(browser, d -> {
            var found = d.findElements(By.id("satisfaction"));
            return found.isEmpty() ? null : found.getFirst().getText();
        });
        assertThat(panel).contains("Satisfaction", "5 / 5", "<script>window.__xss=1;alert(1)</script>");
        assertThat(browser.findElements(By.cssSelector("#satisfaction img, #satisfaction script")))
                .isEmpty();
        BrowserSupport.assertNoScriptRan(browser);

        browser.get(base + "/reports/satisfaction");
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("What customers wrote"));
        assertThat(browser.findElement(By.cssSelector("table[aria-label=Satisfaction]"))
                        .getText())
                .as("the owner's row, not hidden under the sticky header")
                .contains(owner.displayName() + " ")
                .contains("100.0 %");
        var ownerCell = browser.findElement(
                By.xpath("//table[@aria-label='Satisfaction']//td[.='" + owner.displayName() + "']"));
        Object uncovered = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "var head = arguments[0].closest('table').querySelector('thead').getBoundingClientRect();"
                                + " return arguments[0].getBoundingClientRect().top >= head.bottom - 1;",
                        ownerCell);
        assertThat(uncovered).as("the row shows below the header, not under it").isEqualTo(true);
        BrowserSupport.assertNoScriptRan(browser);
        BrowserSupport.screenshot(browser, "satisfaction-report");

        BrowserSupport.phone(browser);
        try {
            for (String page : List.of("/reports/satisfaction", "/tickets/" + number)) {
                browser.get(base + page);
                long width = BrowserSupport.read(browser, d -> (Long) ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.documentElement.scrollWidth"));
                assertThat(width).as(page + " fits a 390 px phone").isLessThanOrEqualTo(390);
            }
        } finally {
            BrowserSupport.desktop(browser);
        }
    }
}
