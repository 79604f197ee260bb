package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.firstline.FirstlineApplication;
import org.firstline.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The public form while PostgreSQL is away (Firstline on a PostgreSQL of its own, whose server is killed): the page
 * still opens, sending says to try again in a minute, and nothing typed is lost, not even across a reload.
 */
class TicketFormOutageBrowserIT {
    @TempDir
    Path dataDir;

    @Test
    void theFormKeepsWhatWasTypedWhileTheDatabaseIsDown() throws Exception {
        WebDriver browser = BrowserSupport.start();
        try (var context = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--firstline.ephemeral-database=false",
                        "--firstline.demo-data=false",
                        "--firstline.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://localhost:" + port;
            var anonymous = ApiClient.anonymous(port);
            browser.get(base + "/request");
            var js = (JavascriptExecutor) browser;
            js.executeScript("localStorage.removeItem('firstline.request.draft')");

            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .strip());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (anonymous.get("/actuator/health/readiness").status() != 503) {
                assertThat(System.nanoTime()).as("the outage is seen").isLessThan(deadline);
                Thread.sleep(50);
            }

            // the page opens from memory while the database is down
            browser.get(base + "/request");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Contact support");
            browser.findElement(By.id("name")).sendKeys("Olive Outage");
            browser.findElement(By.id("email")).sendKeys("olive@customer.test");
            browser.findElement(By.id("subject")).sendKeys("Cannot sign in");
            browser.findElement(By.id("description")).sendKeys("Every sign-in fails since 10:00.");
            browser.findElement(By.cssSelector("#request-form button[type=submit]"))
                    .click();
            BrowserSupport.waitFor(
                    browser, d -> d.findElement(By.id("form-message")).isDisplayed());
            assertThat(browser.findElement(By.id("form-message")).getText()).contains("try again in a minute");
            assertThat(browser.findElement(By.id("description")).getAttribute("value"))
                    .isEqualTo("Every sign-in fails since 10:00.");
            assertThat(browser.findElement(By.id("sent")).isDisplayed()).isFalse();

            browser.navigate().refresh();
            BrowserSupport.waitFor(
                    browser,
                    d -> "Every sign-in fails since 10:00."
                            .equals(d.findElement(By.id("description")).getAttribute("value")));
            assertThat(browser.findElement(By.id("subject")).getAttribute("value"))
                    .isEqualTo("Cannot sign in");
            assertThat(browser.findElement(By.id("email")).getAttribute("value"))
                    .isEqualTo("olive@customer.test");
        } finally {
            browser.quit();
        }
    }
}
