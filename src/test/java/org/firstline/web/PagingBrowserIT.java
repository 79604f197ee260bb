package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.firstline.directory.AgentView;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.EscalationPolicyForm;
import org.firstline.oncall.EscalationRequest;
import org.firstline.oncall.EscalationStatus;
import org.firstline.oncall.EscalationTarget;
import org.firstline.oncall.Escalations;
import org.firstline.oncall.SubjectKind;
import org.firstline.oncall.internal.EscalationEngine;
import org.firstline.oncall.internal.PageSender;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At 3 a.m. the person on call opens the link in their page on a phone, without signing in, and acknowledges: second
 * line is not paged five minutes later. Then, signed in on the phone, they take it to the next level by hand and
 * resolve it from the escalation's page.
 */
class PagingBrowserIT extends ApiTest {
    private static final TestMailServer MAIL = new TestMailServer("paging-browser@firstline.test");

    @Autowired
    EscalationPolicies policies;

    @Autowired
    Escalations escalations;

    @Autowired
    EscalationEngine engine;

    @Autowired
    PageSender sender;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) browser.quit();
    }

    @AfterAll
    static void stopMail() {
        MAIL.close();
    }

    @Test
    void acknowledgeFromThePagesLinkThenEscalateAndResolveOnThePhone() {
        clock.set(Instant.parse("2026-12-02T03:00:00Z"));
        MAIL.mailbox(api(AgentRole.ADMIN), "Paging desk");
        AgentView onCall = newAgent(AgentRole.AGENT), secondLine = newAgent(AgentRole.AGENT);
        long policy = policies.create(new EscalationPolicyForm(
                        unique("Operations"),
                        null,
                        null,
                        null,
                        0,
                        List.of(
                                new EscalationPolicyForm.StepForm(5, List.of(EscalationTarget.agent(onCall.id()))),
                                new EscalationPolicyForm.StepForm(
                                        5, List.of(EscalationTarget.agent(secondLine.id()))))))
                .id();
        String summary = "Disk full on db-" + ThreadLocalRandom.current().nextInt(1_000_000);
        var escalation = escalations.start(new EscalationRequest(
                SubjectKind.ALERT,
                ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2),
                policy,
                summary,
                true));
        tick();
        String mail = jdbc.sql("select body from outbound_email where kind = 'PAGE' and ? = any(recipients)")
                .param(onCall.email())
                .query(String.class)
                .single();
        String link = mail.replaceAll("(?s).*?(/pages/[A-Za-z0-9_-]+).*", "$1");
        assertThat(link).startsWith("/pages/");

        browser = BrowserSupport.start();
        BrowserSupport.phone(browser);
        String base = "http://localhost:" + port;
        browser.get(base + link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You were paged");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(summary, "High severity", "active");
        assertNoSidewaysScroll();
        browser.findElement(By.xpath("//button[normalize-space()='Acknowledge']"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector(".flash.ok")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Acknowledged");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Acknowledge']")))
                .as("acknowledged once: the button is gone")
                .isEmpty();
        var acknowledged = escalations.get(escalation.id());
        assertThat(acknowledged.status()).isEqualTo(EscalationStatus.ACKNOWLEDGED);

        clock.advance(Duration.ofMinutes(6));
        tick();
        assertThat(pagedAgents(escalation.id()))
                .as("second line is not paged after the acknowledgement")
                .containsExactly(onCall.id());

        BrowserSupport.signIn(browser, base, onCall.username(), PASSWORD);
        browser.get(base + "/oncall/escalations/" + escalation.id());
        assertNoSidewaysScroll();
        browser.findElement(By.xpath("//button[normalize-space()='Escalate to the next level']"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector(".flash.ok")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("step 2");
        tick();
        assertThat(pagedAgents(escalation.id())).containsExactly(onCall.id(), secondLine.id());
        browser.get(base + "/oncall/escalations/" + escalation.id());
        assertThat(browser.findElement(By.cssSelector("table[aria-label='Pages']"))
                        .getText())
                .contains(secondLine.displayName());

        browser.findElement(By.xpath("//button[normalize-space()='Resolve']")).click();
        BrowserSupport.waitFor(
                browser,
                d -> d.findElement(By.cssSelector(".flash.ok")).getText().contains("Resolved"));
        assertThat(escalations.get(escalation.id()).status()).isEqualTo(EscalationStatus.RESOLVED);
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Acknowledge']")))
                .isEmpty();
        BrowserSupport.assertNoScriptRan(browser);
        BrowserSupport.screenshot(browser, "escalation-phone");
    }

    private void assertNoSidewaysScroll() {
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("no sideways scrolling at phone width").isLessThanOrEqualTo(390L);
    }

    private void tick() {
        engine.advanceDue();
        sender.sendDue();
    }

    private List<Long> pagedAgents(long escalationId) {
        return jdbc.sql("select agent_id from page where escalation_id = ? and status = 'SENT' order by id")
                .param(escalationId)
                .query((rs, n) -> rs.getLong(1))
                .list();
    }
}
