package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.List;
import java.util.regex.Pattern;
import org.firstline.directory.ContactForm;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.email.EmailAdministration;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.Mails;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A representative in Chromium, at phone width: signs in with the link from their mail, finds a colleague's
 * resolved request among the organization's, confirms the fix and rates it; the incident banner is on every page,
 * and nothing a customer or agent wrote runs as script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-help@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
class PortalBrowserIT extends ApiTest {
    private static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
    private static final Pattern LINK = Pattern.compile("http://desk\\.test(/portal/sign-in/[A-Za-z0-9_-]+)");

    @Autowired
    EmailAdministration administration;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    StatusBoard board;

    TestMailServer mail;
    WebDriver browser;

    @BeforeAll
    void start() {
        mail = TestMailServer.shared("form-help@firstline.test");
        browser = BrowserSupport.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void aRepresentativeSignsInFromTheirMailConfirmsAColleaguesFixAndRatesIt() throws Exception {
        var admin = api(AgentRole.ADMIN);
        mail.mailbox(admin, "Firstline Support");
        String marker = unique("journey");
        long org = organizations
                .create(new OrganizationForm(marker + " College", null, List.of(), false, null, ""))
                .id();
        String rep = "rep." + marker + "@college.test";
        String colleague = "prof." + marker + "@college.test";
        contacts.create(new ContactForm("Rhea Rep", List.of(rep), List.of(new ContactForm.Membership(org, true))));
        contacts.create(
                new ContactForm("Pat Prof", List.of(colleague), List.of(new ContactForm.Membership(org, false))));
        var agent = api(AgentRole.AGENT);
        String subject = marker + " Jupyter kernel dies " + XSS;
        long id = agent.post(
                        "/api/v1/tickets",
                        map(
                                "subject",
                                subject,
                                "body",
                                "The kernel dies on import.",
                                "requester",
                                map("email", colleague),
                                "organizationId",
                                org))
                .json()
                .get("id")
                .asLong();
        long number = agent.get("/api/v1/tickets/" + id).json().get("number").asLong();
        agent.post("/api/v1/tickets/" + id + "/messages", map("body", "We raised the memory limit. " + XSS));
        agent.patch("/api/v1/tickets/" + id, map("status", "RESOLVED", "resolution", "WORKAROUND"));
        String incident = marker + " Slow notebook start";
        agent.post("/api/v1/incidents", map("title", incident));
        board.refresh();

        BrowserSupport.phone(browser);
        String base = "http://localhost:" + port;
        browser.get(base + "/portal");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/sign-in");
        browser.findElement(By.id("email")).sendKeys(rep);
        browser.findElement(By.cssSelector("form.portal-form button[type=submit]"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("a sign-in link is on its way"));

        administration.sendOutbox();
        var sent = mail.sentTo(rep);
        assertThat(sent).hasSize(1);
        var link = LINK.matcher(Mails.text(sent.get(0)));
        assertThat(link.find()).isTrue();
        browser.get(base + link.group(1));
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().endsWith("/portal"));
        assertThat(browser.findElement(By.id("banner")).getText()).contains(incident);
        assertThat(browser.findElement(By.cssSelector("tr[data-number='" + number + "']"))
                        .getText())
                .contains("Jupyter kernel dies", "Pat Prof", "Resolved");
        assertNoSidewaysScroll();

        browser.findElement(By.cssSelector("tr[data-number='" + number + "'] a"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Is it fixed for you?"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("We raised the memory limit. " + XSS);
        BrowserSupport.assertNoScriptRan(browser);
        browser.findElement(By.cssSelector("button[value=confirm]")).click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Thank you: the request is closed."));

        browser.findElement(By.cssSelector("label[for=rating-5]")).click();
        browser.findElement(By.id("survey-comment")).sendKeys("Quick fix " + XSS);
        browser.findElement(By.id("survey-submit")).click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Thank you for your rating: 5 out of 5."));
        BrowserSupport.assertNoScriptRan(browser);
        assertNoSidewaysScroll();

        var ticket = agent.get("/api/v1/tickets/" + id).json();
        assertThat(ticket.get("status").asString()).isEqualTo("CLOSED");
        assertThat(ticket.get("resolutionOutcome").asString()).isEqualTo("CONFIRMED");
        var rating = agent.get("/api/v1/tickets/" + id + "/satisfaction").json();
        assertThat(rating.get("rating").asInt()).isEqualTo(5);
        assertThat(rating.get("comment").asString()).isEqualTo("Quick fix " + XSS);
    }

    private void assertNoSidewaysScroll() {
        Object wider = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertThat(wider).as("the page scrolls sideways at phone width").isEqualTo(false);
    }
}
