package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** An agent declares an incident, posts an update and reads it on the timeline, on a desktop and on a phone. */
class IncidentBrowserIT extends ApiTest {
    WebDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) browser.quit();
    }

    @Test
    void declareAndPostAnUpdateAtDesktopWidth() {
        declareAndPost(false);
    }

    @Test
    void declareAndPostAnUpdateAtPhoneWidth() {
        declareAndPost(true);
    }

    private void declareAndPost(boolean phone) {
        var agent = newAgent(AgentRole.AGENT);
        browser = BrowserSupport.start();
        if (phone) BrowserSupport.phone(browser);
        else BrowserSupport.desktop(browser);
        String base = "http://localhost:" + port;
        BrowserSupport.signIn(browser, base, agent.username(), PASSWORD);
        browser.get(base + "/incidents");
        String title = unique("Checkout is slow");
        browser.findElement(By.id("declare-title")).sendKeys(title);
        browser.findElement(By.cssSelector("form[aria-label='Declare an incident'] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().matches(".*/incidents/\\d+$"));
        assertThat(browser.findElement(By.id("incident-title")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.id("incident-status")).getText()).isEqualTo("Investigating");

        browser.findElement(By.id("update-body")).sendKeys("We found the **cause** <script>window.__xss=1</script>");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("update-status")))
                .selectByVisibleText("Identified");
        browser.findElement(By.cssSelector("form[aria-label='Post an update'] button[type=submit]"))
                .click();
        BrowserSupport.waitFor(
                browser, d -> d.findElement(By.id("incident-status")).getText().equals("Identified"));
        var latest = browser.findElement(By.cssSelector("#timeline li"));
        assertThat(latest.getText()).contains("Identified", "Public", "We found the cause");
        assertThat(latest.findElement(By.cssSelector("strong:not(:first-child), .markdown strong"))
                        .getText())
                .isEqualTo("cause");
        BrowserSupport.assertNoScriptRan(browser);
        assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Update posted");
        BrowserSupport.screenshot(browser, phone ? "incident-phone" : "incident-desktop");
    }
}
