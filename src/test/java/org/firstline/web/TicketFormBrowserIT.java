package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.firstline.FirstlineApplication;
import org.firstline.email.EmailAdministration;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.firstline.support.TestMailServer;
import org.firstline.ticketform.internal.FormViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public form in headless Chromium: suggestions while typing, the incident banner (declared on another node,
 * shown within a second), counting by beacon, no script from anything anyone typed, the widget on a host page with
 * a strict CSP, and a phone's width.
 */
@TestPropertySource(
        properties = {
            "firstline.public-url=http://desk.test",
            "firstline.ticket-form.mailbox=form-browser@firstline.test",
            "firstline.ticket-form.network-limit-per-hour=100000"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketFormBrowserIT extends ApiTest {
    static final String SCRIPT = "<script>window.__xss=1;alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=\"window.__xss=2;alert(2)\">";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    FormViews views;

    @Autowired
    EmailAdministration administration;

    TestMailServer mail;
    ApiClient admin;
    WebDriver browser;
    String base;

    @BeforeAll
    void start() {
        browser = BrowserSupport.start();
        mail = new TestMailServer("form-browser@firstline.test");
        admin = api(AgentRole.ADMIN);
        mail.mailbox(admin, "Firstline Support");
        base = "http://localhost:" + port;
        assertThat(admin.post(
                                "/api/v1/deflection-rules",
                                Map.of(
                                        "phrases",
                                        List.of("dns", "name server"),
                                        "kind",
                                        "TOOL",
                                        "title",
                                        "Check your DNS " + IMG,
                                        "url",
                                        "https://dnschecker.example/?q={domain}"))
                        .status())
                .isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
        if (mail != null) mail.close();
    }

    @Test
    void typingDnsShowsTheToolLinkWithTheDomainFilledAtDesktopAndPhoneWidth() {
        for (boolean phone : List.of(false, true)) {
            if (phone) BrowserSupport.phone(browser);
            else BrowserSupport.desktop(browser);
            browser.get(base + "/request");
            clearDraft();
            browser.findElement(By.id("email")).sendKeys("ops@customer.example");
            browser.findElement(By.id("description")).sendKeys("Since this morning the DNS of shop.example.org fails");
            WebElement link = BrowserSupport.read(
                    browser,
                    d -> d.findElements(By.cssSelector("#suggestions a[data-rule]")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(link.getAttribute("href")).isEqualTo("https://dnschecker.example/?q=shop.example.org");
            assertThat(link.getText()).contains("Check your DNS").contains("<img");
            assertThat(browser.findElements(By.cssSelector("#suggestions img"))).isEmpty();
            BrowserSupport.assertNoScriptRan(browser);
            if (phone) {
                Number overflow = (Number) js().executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow.intValue())
                        .as("no sideways scrolling at 390 px")
                        .isLessThanOrEqualTo(0);
                assertThat(browser.findElement(By.id("description")).getSize().getWidth())
                        .isGreaterThan(300);
                BrowserSupport.screenshot(browser, "ticket-form-phone");
            } else {
                BrowserSupport.screenshot(browser, "ticket-form");
            }
        }
        BrowserSupport.desktop(browser);
    }

    @Test
    void anIncidentDeclaredOnAnotherNodeShowsInTheBannerWithinASecondAndItsTextCannotRunScript() throws Exception {
        ConfigurableApplicationContext nodeB = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + org.firstline.support.PoolUrl.of(dataSource),
                        "--spring.datasource.username=postgres",
                        "--firstline.demo-data=false",
                        "--firstline.email.background=false",
                        "--firstline.triage.background=false",
                        "--firstline.data-dir=target/test-data/form-node-b");
        try {
            browser.get(base + "/request");
            clearDraft();
            BrowserSupport.waitFor(
                    browser,
                    d -> js().executeScript("return document.readyState").equals("complete"));
            Thread.sleep(500); // the page's stream to node 1 is open
            String title = "Builds are slow " + UUID.randomUUID().toString().substring(0, 6) + " " + SCRIPT;
            var jdbcB = nodeB.getBean(JdbcClient.class);
            var boardB = nodeB.getBean(StatusBoard.class);
            long[] id = new long[1];
            nodeB.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                var now = Timestamp.from(java.time.Instant.now());
                id[0] = jdbcB.sql("""
                        insert into incident (title, status, impact, severity, public, declared_at, updated_at)
                        values (?, 'INVESTIGATING', 'MAJOR', 2, true, ?, ?) returning id""").params(title, now, now).query(Long.class).single();
                jdbcB.sql("""
                        insert into incident_update (incident_id, status, body, public, posted_at)
                        values (?, 'INVESTIGATING', ?, true, ?)""")
                        .params(id[0], "We are **looking into it**. " + SCRIPT + " " + IMG, now)
                        .update();
                boardB.changed();
            });
            long committed = System.nanoTime();
            while (!((Boolean) js().executeScript(
                            "var b = document.getElementById('banner');"
                                    + "return !b.hidden && b.textContent.indexOf(arguments[0]) >= 0;",
                            title.substring(0, 22)))) {
                assertThat(Duration.ofNanos(System.nanoTime() - committed))
                        .as("banner shows the incident declared on node B")
                        .isLessThan(Duration.ofSeconds(1));
                Thread.sleep(20);
            }
            System.out.println("Banner showed an incident declared on another node after "
                    + Duration.ofNanos(System.nanoTime() - committed).toMillis() + " ms");
            // read in one go: the banner is drawn again whenever the status is read
            String text = (String) js().executeScript("return document.getElementById('banner').textContent;");
            assertThat(text).contains("looking into it").contains("<script>");
            assertThat(js().executeScript("return document.querySelectorAll('#banner .update strong').length;"))
                    .isEqualTo(1L);
            assertThat(js().executeScript("return document.querySelectorAll('#banner img, #banner script').length;"))
                    .isEqualTo(0L);
            BrowserSupport.assertNoScriptRan(browser);

            nodeB.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                jdbcB.sql("update incident set status = 'RESOLVED', resolved_at = now() where id = ?")
                        .param(id[0])
                        .update();
                boardB.changed();
            });
            BrowserSupport.waitFor(browser, d -> !d.findElement(By.id("banner")).isDisplayed());
        } finally {
            nodeB.close();
        }
    }

    @Test
    void whatAnyoneTypedIsShownAsTextOnTheFormAndTheConfirmationPage() throws Exception {
        String address = "x-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        browser.get(base + "/request");
        clearDraft();
        browser.findElement(By.id("name")).sendKeys("Eve " + SCRIPT);
        browser.findElement(By.id("email")).sendKeys(address);
        browser.findElement(By.id("subject")).sendKeys("Subject " + IMG);
        browser.findElement(By.id("description")).sendKeys("Body " + SCRIPT + IMG + " name server");
        browser.findElement(By.cssSelector("#request-form button[type=submit]")).click();
        BrowserSupport.waitFor(browser, d -> d.findElement(By.id("sent")).isDisplayed());
        assertThat(browser.findElement(By.id("sent")).getText()).contains(address);
        assertThat(js().executeScript("return localStorage.getItem('firstline.request.draft')"))
                .as("the draft is cleared once sent")
                .isNull();
        BrowserSupport.assertNoScriptRan(browser);

        administration.sendOutbox();
        var sent = mail.sentTo(address);
        assertThat(sent).hasSize(1);
        var link = Pattern.compile("http://desk\\.test(/request/confirm/[A-Za-z0-9_-]+)")
                .matcher(text(sent.get(0)));
        assertThat(link.find()).isTrue();
        browser.get(base + link.group(1));
        assertThat(browser.findElement(By.id("shown-subject")).getText()).isEqualTo("Subject " + IMG);
        assertThat(browser.findElement(By.id("shown-description")).getText()).contains(SCRIPT);
        assertThat(browser.findElements(By.cssSelector("main img, main script")))
                .isEmpty();
        BrowserSupport.assertNoScriptRan(browser);
        browser.findElement(By.id("confirm")).click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Your request is confirmed"));
        BrowserSupport.assertNoScriptRan(browser);
    }

    @Test
    void aViewLeftAfterASuggestionCountsAsDeflectedAndASubmittedOneDoesNot() throws Exception {
        browser.get(base + "/request");
        clearDraft();
        String left = browser.findElement(By.id("request-form")).getAttribute("data-view");
        browser.findElement(By.id("email")).sendKeys("ops@customer.example");
        browser.findElement(By.id("description")).sendKeys("Our name server answers nothing");
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector("#suggestions a")).isEmpty());
        browser.get("about:blank");

        browser.get(base + "/request");
        clearDraft();
        String submitted = browser.findElement(By.id("request-form")).getAttribute("data-view");
        browser.findElement(By.id("name")).sendKeys("Sue");
        browser.findElement(By.id("email"))
                .sendKeys("sue-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test");
        browser.findElement(By.id("subject")).sendKeys("DNS down");
        browser.findElement(By.id("description")).sendKeys("Our DNS answers nothing");
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.cssSelector("#suggestions a")).isEmpty());
        browser.findElement(By.cssSelector("#request-form button[type=submit]")).click();
        BrowserSupport.waitFor(browser, d -> d.findElement(By.id("sent")).isDisplayed());
        browser.get("about:blank");

        BrowserSupport.waitFor(browser, d -> {
            views.flush();
            return "DEFLECTED".equals(outcome(left)) && "SUBMITTED".equals(outcome(submitted));
        });
    }

    @Test
    void theWidgetOpensTheFormOnAHostPageWhoseCspAllowsOnlyOurOrigin() throws Exception {
        String origin = "http://localhost:" + port;
        HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            byte[] page = ("<!doctype html><html><head><title>Host</title></head><body><h1>Customer site</h1>"
                            + "<script src=\"" + origin + "/widget.js\" data-firstline async></script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add(
                            "Content-Security-Policy",
                            "default-src 'none'; script-src " + origin + "; frame-src " + origin);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        host.start();
        try {
            browser.get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
            WebElement button = BrowserSupport.read(
                    browser,
                    d -> d.findElements(By.cssSelector("[data-firstline-button]")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(button.getCssValue("position"))
                    .as("styled through the CSSOM under the host's CSP")
                    .isEqualTo("fixed");
            button.click();
            WebElement frame = BrowserSupport.read(
                    browser,
                    d -> d.findElements(By.cssSelector("iframe[data-firstline-frame]")).stream()
                            .findFirst()
                            .orElse(null));
            browser.switchTo().frame(frame);
            BrowserSupport.waitFor(
                    browser, d -> !d.findElements(By.id("description")).isEmpty());
            assertThat(browser.findElement(By.tagName("body")).getAttribute("class"))
                    .contains("embed");
            browser.findElement(By.id("email")).sendKeys("ops@customer.example");
            browser.findElement(By.id("description")).sendKeys("dns " + SCRIPT + IMG);
            BrowserSupport.waitFor(
                    browser,
                    d -> !d.findElements(By.cssSelector("#suggestions a")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("main img, main script")))
                    .isEmpty();
            BrowserSupport.assertNoScriptRan(browser);
            clearDraft();
            browser.switchTo().defaultContent();
            BrowserSupport.assertNoScriptRan(browser);
        } finally {
            browser.switchTo().defaultContent();
            host.stop(0);
        }
    }

    private String outcome(String view) {
        return jdbc
                .sql("select outcome from form_view where view_id = ?::uuid")
                .param(view)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static String text(jakarta.mail.internet.MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) return s;
        var first = ((jakarta.mail.Multipart) content).getBodyPart(0).getContent();
        if (first instanceof String s) return s;
        return String.valueOf(((jakarta.mail.Multipart) first).getBodyPart(0).getContent());
    }

    private void clearDraft() {
        js().executeScript("localStorage.removeItem('firstline.request.draft')");
        for (String f : List.of("name", "email", "subject", "description")) {
            var elements = browser.findElements(By.id(f));
            if (!elements.isEmpty()) elements.get(0).clear();
        }
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }
}
