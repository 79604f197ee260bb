package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentView;
import org.firstline.directory.ResponsibilitiesForm;
import org.firstline.platform.AgentRole;
import org.firstline.rota.Rotations;
import org.firstline.rota.ShiftView;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A planner plans a first-line rota of a developer and an operations engineer, publishes it past the warning of its
 * empty operations slots; a developer proposes a swap, the other accepts, both delivery leads approve, and the
 * calendar shows the swapped weeks, also at phone width.
 */
class RotaBrowserIT extends ApiTest {
    @Autowired
    AgentResponsibilities responsibilities;

    @Autowired
    Rotations rotations;

    WebDriver browser;
    String base;

    @AfterEach
    void quit() {
        if (browser != null) browser.quit();
    }

    private void as(AgentView agent, long rotationId) {
        browser.manage().deleteAllCookies();
        BrowserSupport.signIn(browser, base, agent.username(), PASSWORD);
        browser.get(base + "/rotas/" + rotationId);
    }

    private void swapButton(long swapId, String label) {
        browser.findElement(By.cssSelector("li[data-swap='" + swapId + "'] form[action$='/" + label + "'] button"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector(".flash.ok")).isEmpty());
    }

    private String cell(String shiftId) {
        return browser.findElement(By.cssSelector("td[data-shift='" + shiftId + "']"))
                .getText();
    }

    @Test
    void planPublishPastTheGapSwapAndSeeTheCalendarChange() {
        clock.set(Instant.parse("2026-12-03T12:00:00Z"));
        AgentView planner = newAgent(AgentRole.ADMIN),
                ann = newAgent(AgentRole.AGENT),
                bob = newAgent(AgentRole.AGENT),
                annsLead = newAgent(AgentRole.AGENT),
                bobsLead = newAgent(AgentRole.AGENT);
        responsibilities.update(ann.id(), new ResponsibilitiesForm(annsLead.id(), null));
        responsibilities.update(bob.id(), new ResponsibilitiesForm(bobsLead.id(), null));
        browser = BrowserSupport.start();
        BrowserSupport.desktop(browser);
        base = "http://localhost:" + port;
        BrowserSupport.signIn(browser, base, planner.username(), PASSWORD);

        browser.get(base + "/rotas");
        String name = unique("First line");
        browser.findElement(By.id("rota-name")).sendKeys(name);
        new Select(browser.findElement(By.id("rota-duty"))).selectByValue("FIRST_LINE");
        new Select(browser.findElement(By.id("rota-day"))).selectByValue("WEDNESDAY");
        browser.findElement(By.id("rota-roles")).sendKeys("developer, operations");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('rota-anchor').value = '2026-12-02'");
        browser.findElement(By.cssSelector("form[aria-label='Plan a rota'] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().matches(".*/rotas/\\d+$"));
        long rotationId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/rotas/", ""));
        assertThat(browser.findElement(By.id("rota-state")).getText()).isEqualTo("draft");

        browser.findElement(By.id("members0")).sendKeys(ann.username() + "\n" + bob.username());
        browser.findElement(By.id("save-members")).click();
        BrowserSupport.waitFor(
                browser,
                d -> d.findElement(By.cssSelector(".flash.ok")).getText().contains("Members saved"));

        browser.findElement(By.id("publish")).click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.id("publish-warnings")).isEmpty());
        assertThat(browser.findElement(By.id("publish-warnings")).getText()).contains("Nobody as operations");
        assertThat(browser.findElement(By.id("rota-state")).getText()).isEqualTo("draft");
        browser.findElement(By.id("publish-anyway")).click();
        BrowserSupport.waitFor(
                browser, d -> d.findElement(By.id("rota-state")).getText().equals("published"));
        // this week is marked, Ann holds it
        assertThat(browser.findElement(By.cssSelector("tr.today")).getText())
                .containsIgnoringCase("today")
                .contains(ann.displayName());
        assertThat(browser.findElement(By.id("on-now")).getText()).contains(ann.displayName());

        var shifts = rotations
                .shifts(rotationId, Instant.parse("2026-12-09T11:00:00Z"), Instant.parse("2026-12-20T00:00:00Z"))
                .stream()
                .filter(s -> s.role().equals("developer"))
                .toList();
        ShiftView bobsWeek = shifts.get(0), annsWeek = shifts.get(1);
        assertThat(bobsWeek.agentId()).isEqualTo(bob.id());
        assertThat(annsWeek.agentId()).isEqualTo(ann.id());

        as(ann, rotationId);
        new Select(browser.findElement(By.id("swap-mine"))).selectByValue(String.valueOf(annsWeek.id()));
        new Select(browser.findElement(By.id("swap-other"))).selectByValue(String.valueOf(bobsWeek.id()));
        browser.findElement(By.id("propose-swap")).click();
        BrowserSupport.waitFor(
                browser,
                d -> d.findElement(By.cssSelector(".flash.ok")).getText().contains("Swap proposed"));
        // under two weeks ahead: allowed, with a warning
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("two weeks");
        long swapId = Long.parseLong(
                browser.findElement(By.cssSelector("li[data-swap]")).getAttribute("data-swap"));

        as(bob, rotationId);
        swapButton(swapId, "accept");
        as(annsLead, rotationId);
        swapButton(swapId, "approve");
        assertThat(cell(String.valueOf(bobsWeek.id())))
                .contains(bob.displayName())
                .doesNotContain("planned");
        as(bobsLead, rotationId);
        swapButton(swapId, "approve");
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("swapped");

        assertThat(cell(String.valueOf(bobsWeek.id()))).contains(ann.displayName(), "planned: " + bob.displayName());
        assertThat(cell(String.valueOf(annsWeek.id()))).contains(bob.displayName(), "planned: " + ann.displayName());
        BrowserSupport.assertNoScriptRan(browser);

        BrowserSupport.phone(browser);
        // a member sees the swap form, whose selects list long shift names
        as(ann, rotationId);
        long pageWidth =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(pageWidth).isLessThanOrEqualTo(390L);
        assertThat(browser.findElement(By.cssSelector("tr.today")).isDisplayed())
                .isTrue();
        BrowserSupport.screenshot(browser, "rota-phone");
    }
}
