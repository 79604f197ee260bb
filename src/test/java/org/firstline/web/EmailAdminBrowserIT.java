package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentRole;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin connects a mailbox in the browser, reads it, and deals with a message that went to quarantine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailAdminBrowserIT {
    private static final String PASSWORD = "mail admin password";

    @LocalServerPort
    int port;

    @Autowired
    AgentService agents;

    WebDriver browser;
    TestMailServer mail;

    @BeforeAll
    void start() {
        browser = BrowserSupport.start();
        mail = new TestMailServer("desk@firstline.test");
        agents.create(new AgentForm(
                "mailadmin",
                "Mia Mail",
                "mia@support.test",
                AgentRole.ADMIN,
                "UTC",
                "",
                30,
                PASSWORD,
                true,
                List.of()));
        BrowserSupport.signIn(browser, url(""), "mailadmin", PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @Test
    void connectsAMailboxReadsItAndConvertsAQuarantinedMessage() {
        mail.deliver(
                "From: Ada <ada@customer.test>\r\nSubject: Deploys fail since 9:00\r\nMessage-ID: <browser-1@customer.test>\r\n\r\n"
                        + "Every deploy to production fails.\r\n");
        mail.deliver(
                "From: <script>window.__xss=1</script> <evil@customer.test>\r\nSubject: <img src=x onerror=window.__xss=2>\r\n"
                        + "Message-ID: <browser-2@customer.test>\r\nContent-Type: multipart/mixed; boundary=\"never\"\r\n\r\nno parts here\r\n");

        browser.get(url("/admin/mailboxes"));
        var form = browser.findElement(By.cssSelector("form[action$='/admin/mailboxes']"));
        form.findElement(By.name("name")).sendKeys("Desk");
        form.findElement(By.name("address")).sendKeys(mail.supportAddress);
        form.findElement(By.name("imapHost")).sendKeys("127.0.0.1");
        form.findElement(By.name("imapPort")).clear();
        form.findElement(By.name("imapPort")).sendKeys(String.valueOf(mail.imapPort()));
        new Select(form.findElement(By.name("imapSecurity"))).selectByValue("NONE");
        form.findElement(By.name("imapUsername")).sendKeys(TestMailServer.SUPPORT_LOGIN);
        form.findElement(By.name("imapPassword")).sendKeys(TestMailServer.SUPPORT_PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        BrowserSupport.waitFor(
                browser, d -> d.findElement(By.cssSelector(".flash")).getText().contains("added"));
        assertThat(browser.getPageSource()).doesNotContain(TestMailServer.SUPPORT_PASSWORD);

        browser.findElement(By.cssSelector("details summary")).click();
        browser.findElement(By.xpath("//button[text()='Read now']")).click();
        BrowserSupport.waitFor(
                browser, d -> d.findElement(By.cssSelector(".flash")).getText().contains("2 new messages read"));
        BrowserSupport.screenshot(browser, "admin-mailboxes");

        browser.get(url("/tickets?q=deploy"));
        assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains("Deploys fail since 9:00");

        browser.get(url("/admin/quarantine"));
        String row = browser.findElement(By.cssSelector("table.list tbody tr")).getText();
        assertThat(row).contains("<img src=x onerror=window.__xss=2>", "boundary that does not match");
        BrowserSupport.screenshot(browser, "admin-quarantine");
        BrowserSupport.assertNoScriptRan(browser);

        browser.findElement(By.xpath("//button[text()='Convert to ticket']")).click();
        BrowserSupport.waitFor(browser, d -> d.getCurrentUrl().matches(".*/tickets/\\d+$"));
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("original.eml", "could not be read as mail");
        BrowserSupport.assertNoScriptRan(browser);
        browser.get(url("/admin/quarantine"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing in quarantine");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
