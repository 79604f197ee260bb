package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentRole;
import org.firstline.sla.internal.SlaSweeper;
import org.firstline.support.ApiTest;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin sets up service levels in a real browser (a calendar with a lunch break, bank holidays from an .ics file,
 * the preview, a policy's targets), then a triager sees a ticket's clocks and the breach list.
 */
class SlaBrowserIT extends ApiTest {
    @Autowired
    OrganizationService organizations;

    @Autowired
    TicketService tickets;

    @Autowired
    SlaSweeper sweeper;

    @Autowired
    org.firstline.sla.internal.SlaNotifier notifier;

    WebDriver browser;

    @BeforeEach
    void signIn() {
        clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        var admin = newAgent(AgentRole.ADMIN);
        browser = BrowserSupport.start();
        BrowserSupport.desktop(browser);
        BrowserSupport.signIn(browser, base(), admin.username(), PASSWORD);
    }

    @AfterEach
    void quit() {
        if (browser != null) browser.quit();
    }

    String base() {
        return "http://localhost:" + port;
    }

    void set(String id, String value) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
    }

    @Test
    void anAdminSetsUpServiceLevelsAndATriagerSeesTheClocksAndTheBreaches() throws Exception {
        String calendarName = unique("London office");
        browser.get(base() + "/admin/sla");
        browser.findElement(By.id("cal-name")).sendKeys(calendarName);
        browser.findElement(By.id("cal-zone")).clear();
        browser.findElement(By.id("cal-zone")).sendKeys("Europe/London");
        browser.findElement(By.id("cal-hours")).clear();
        browser.findElement(By.id("cal-hours")).sendKeys("Mon-Fri 09:00-12:30, 13:30-17:00");
        browser.findElement(By.cssSelector("form[aria-label='New calendar'] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().matches(".*/admin/sla/calendars/\\d+$"));
        String calendarUrl = browser.getCurrentUrl();

        Path ics = Path.of(
                getClass().getResource("/calendars/england-and-wales.ics").toURI());
        browser.findElement(By.id("hol-file")).sendKeys(ics.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form[aria-label='Import holidays'] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector(".flash.ok")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("16 holiday days imported");
        assertThat(browser.findElement(By.cssSelector("table[aria-label=Holidays]"))
                        .getText())
                .contains("2026-12-28")
                .contains("Boxing Day");

        // Christmas Eve, 16:00: one hour that day, then Christmas, the weekend and the Boxing Day substitute
        set("pv-start", "2026-12-24T16:00");
        set("pv-amount", "120");
        browser.findElement(By.cssSelector("form[aria-label=Preview] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.id("preview-due")).isEmpty());
        assertThat(browser.findElement(By.id("preview-due")).getText()).isEqualTo("2026-12-29 10:00 Z");
        BrowserSupport.screenshot(browser, "admin-sla-calendar");

        browser.get(calendarUrl);
        browser.findElement(By.id("cal-hours")).clear();
        browser.findElement(By.id("cal-hours")).sendKeys("Mon 09:00-25:00");
        browser.findElement(By.cssSelector("form[aria-label=Calendar] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector(".flash.error")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".flash.error")).getText())
                .contains("25:00");

        long plan = organizations
                .createPlan(unique("Browser plan"), "", 0, "MONTH", false)
                .id();
        String planName = organizations.plan(plan).orElseThrow().name();
        browser.get(base() + "/admin/sla");
        browser.findElement(By.id("policy-name")).sendKeys(unique("Browser policy"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("policy-plan")))
                .selectByVisibleText(planName);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("policy-calendar")))
                .selectByVisibleText(calendarName);
        browser.findElement(By.cssSelector("form[aria-label='New policy'] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().matches(".*/admin/sla/policies/\\d+$"));
        browser.findElement(By.name("amount.NORMAL.FIRST_RESPONSE")).sendKeys("120");
        browser.findElement(By.name("amount.NORMAL.RESOLUTION")).sendKeys("3");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("unit.NORMAL.RESOLUTION")))
                .selectByValue("WORKING_DAYS");
        browser.findElement(By.cssSelector("form[aria-label=Policy] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector(".flash.ok")).isEmpty());
        assertThat(browser.findElement(By.name("amount.NORMAL.FIRST_RESPONSE")).getAttribute("value"))
                .isEqualTo("120");
        BrowserSupport.screenshot(browser, "admin-sla-policy");

        String domain = unique("browser") + ".example";
        organizations.create(new OrganizationForm(unique("Browser org"), plan, List.of(domain), false, null, ""));
        var agent = agentService.principal(newAgent(AgentRole.AGENT).id()).orElseThrow();
        long ticket = tickets.open(
                        OpenTicketForm.of(
                                "<script>window.__xss='sla'</script>Exports fail",
                                "since 08:00",
                                "it@" + domain,
                                "IT",
                                Channel.API),
                        agent,
                        null)
                .id();
        browser.get(base() + "/tickets/" + tickets.get(ticket).number());
        BrowserSupport.waitFor(
                browser,
                d -> !d.findElements(By.cssSelector("#sla-panel tr[data-target=FIRST_RESPONSE]"))
                        .isEmpty());
        String first = browser.findElement(By.cssSelector("#sla-panel tr[data-target=FIRST_RESPONSE]"))
                .getText();
        // 09:00 Monday + 120 working minutes: 11:00, shown in the admin's zone (UTC)
        assertThat(first).contains("11:00").contains("running").contains("2h 0m working left");

        // the breach reaches the open page by itself: the sweeper records it, the notifier tells, the page redraws its
        // clocks
        clock.advance(Duration.ofHours(3));
        sweeper.sweep();
        notifier.notifyRecorded();
        BrowserSupport.waitFor(
                browser,
                d -> d.findElement(By.cssSelector("#sla-panel tr[data-target=FIRST_RESPONSE]"))
                        .getText()
                        .contains("breached"));
        browser.get(base() + "/sla");
        BrowserSupport.waitFor(
                browser,
                d -> !d.findElements(By.cssSelector("#sla-rows tr[data-id='" + ticket + "']"))
                        .isEmpty());
        assertThat(browser.findElement(By.cssSelector("#sla-rows tr[data-id='" + ticket + "']"))
                        .getText())
                .contains("<script>")
                .contains("First response");
        BrowserSupport.assertNoScriptRan(browser);
        BrowserSupport.screenshot(browser, "sla-breached");
        browser.get(base() + "/tickets/" + tickets.get(ticket).number());
        BrowserSupport.waitFor(
                browser,
                d -> !d.findElements(By.cssSelector("#sla-panel tr[data-target=FIRST_RESPONSE]"))
                        .isEmpty());
        assertThat(browser.findElement(By.cssSelector("#sla-panel tr[data-target=FIRST_RESPONSE]"))
                        .getText())
                .contains("breached")
                .contains("1h 0m over");
    }
}
