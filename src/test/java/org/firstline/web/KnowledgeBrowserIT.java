package org.firstline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.concurrent.ThreadLocalRandom;
import org.firstline.directory.AgentView;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The knowledge base in Chromium: script typed into an article never runs on its public or agent page, and the ticket
 * page's article picker puts a Markdown link into the reply at the cursor, or an article's address into a
 * self-service resolution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBrowserIT extends ApiTest {
    private static final String SCRIPT = "<script>window.__xss=1;alert(1)</script>";
    private static final String IMG = "<img src=x onerror=\"window.__xss=2;alert(2)\">";

    WebDriver browser;
    AgentView agent;

    @BeforeAll
    void start() {
        browser = BrowserSupport.start();
        agent = newAgent(AgentRole.AGENT);
        BrowserSupport.signIn(browser, base(), agent.username(), PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void scriptInAnArticleNeverRunsOnItsPages() {
        var api = api(agent);
        String word = word();
        long category = api.post("/api/v1/article-categories", map("name", unique("Cat") + SCRIPT))
                .json()
                .get("id")
                .asLong();
        var article = api.post(
                        "/api/v1/articles",
                        map(
                                "title",
                                word + " " + SCRIPT + IMG,
                                "body",
                                IMG + "\n\n" + SCRIPT + "\n\n[click me](javascript:window.__xss=3)",
                                "visibility",
                                "PUBLIC",
                                "categoryId",
                                category))
                .json();
        for (String path : new String[] {
            "/kb/" + article.get("slug").asString(),
            "/kb?q=" + word,
            "/knowledge/" + article.get("id").asLong(),
            "/knowledge?q=" + word,
            "/knowledge/" + article.get("id").asLong() + "/edit"
        }) {
            browser.get(base() + path);
            BrowserSupport.waitFor(browser, d -> d.getPageSource().contains(word));
            BrowserSupport.assertNoScriptRan(browser);
            assertThat(browser.findElements(By.cssSelector("[onerror], a[href^='javascript']")))
                    .as(path)
                    .isEmpty();
            if (!path.endsWith("/edit")) {
                assertThat(browser.findElement(By.tagName("body")).getText()).contains(word);
            }
        }
        browser.get(base() + "/kb/" + article.get("slug").asString());
        for (var link : browser.findElements(By.xpath("//a[normalize-space(.)='click me']"))) {
            link.click();
            BrowserSupport.assertNoScriptRan(browser);
        }
        // the edit page's preview renders through the same cleaner
        browser.get(base() + "/knowledge/" + article.get("id").asLong() + "/edit");
        browser.findElement(By.xpath("//button[normalize-space(.)='Preview']")).click();
        BrowserSupport.waitFor(
                browser, d -> !d.findElements(By.id("preview-body")).isEmpty());
        BrowserSupport.assertNoScriptRan(browser);
    }

    @Test
    void thePickerInsertsAMarkdownLinkAtTheCursorAndFillsASelfServiceResolution() {
        var api = api(agent);
        String word = word();
        var open = api.post(
                        "/api/v1/articles",
                        map("title", "Reset [SSO] " + word, "body", "Steps.", "visibility", "PUBLIC"))
                .json();
        var internal = api.post(
                        "/api/v1/articles",
                        map("title", "Runbook " + word, "body", "Agents only.", "visibility", "INTERNAL"))
                .json();
        long number = api.post(
                        "/api/v1/tickets",
                        map(
                                "subject",
                                "Cannot sign in",
                                "body",
                                "Help",
                                "requester",
                                map("email", unique("r") + "@kb.test")))
                .json()
                .get("number")
                .asLong();

        browser.get(base() + "/tickets/" + number);
        var reply = browser.findElement(By.id("reply-body"));
        reply.sendKeys("Hello, see  for the steps.");
        var js = (JavascriptExecutor) browser;
        js.executeScript("var a = document.getElementById('reply-body'); a.setSelectionRange(11, 11);");
        browser.findElement(By.cssSelector("#reply-article-picker summary")).click();
        browser.findElement(By.id("reply-article-q")).sendKeys(word);
        BrowserSupport.waitFor(browser, d -> picks(d, "reply", word) == 2);
        assertThat(browser.findElement(By.id("reply-article-results")).getText())
                .contains("internal");
        browser.findElement(By.xpath("//div[@id='reply-article-results']//button[contains(., 'Reset')]"))
                .click();
        String expected =
                "[Reset \\[SSO\\] " + word + "](" + open.get("publicUrl").asString() + ")";
        assertThat(reply.getDomProperty("value")).isEqualTo("Hello, see " + expected + " for the steps.");

        browser.findElement(By.cssSelector("#reply-article-picker summary")).click();
        var query = browser.findElement(By.id("reply-article-q"));
        query.clear();
        query.sendKeys("Runbook " + word);
        BrowserSupport.waitFor(
                browser,
                d -> d.findElements(By.cssSelector("#reply-article-results [data-kb-internal=true]"))
                                .size()
                        == 1);
        js.executeScript(
                "var a = document.getElementById('reply-body'); a.setSelectionRange(a.value.length, a.value.length);");
        // the results may be swapped once more by the last keystroke's answer: click the list as it ends up
        for (int attempt = 0; ; attempt++) {
            try {
                browser.findElement(By.cssSelector("#reply-article-results [data-kb-internal=true]"))
                        .click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 5) throw replaced;
            }
        }
        assertThat(reply.getDomProperty("value"))
                .endsWith("[Runbook " + word + "](" + internal.get("agentUrl").asString() + ")");

        // a self-service resolution: public articles only, the address goes into the resolution's link
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status-select")))
                .selectByValue("RESOLVED");
        browser.findElement(By.cssSelector("#resolution-article-picker summary"))
                .click();
        browser.findElement(By.id("resolution-article-q")).sendKeys(word);
        BrowserSupport.waitFor(browser, d -> picks(d, "resolution", word) == 1);
        assertThat(browser.findElements(By.cssSelector("#resolution-article-results [data-kb-pick]")))
                .hasSize(1);
        browser.findElement(By.cssSelector("#resolution-article-results [data-kb-pick]"))
                .click();
        assertThat(browser.findElement(By.id("resolution-link")).getDomProperty("value"))
                .isEqualTo(open.get("publicUrl").asString());
        assertThat(browser.findElement(By.id("resolution")).getDomProperty("value"))
                .isEqualTo("SELF_SERVICE");
        browser.findElement(By.cssSelector("form[aria-label=Properties] button.primary"))
                .click();
        BrowserSupport.waitFor(browser, d -> d.getPageSource().contains("Awaiting the requester"));
        var ticket = api.get("/api/v1/tickets/by-number/" + number).json();
        assertThat(ticket.get("resolution").asString()).isEqualTo("SELF_SERVICE");
        assertThat(ticket.get("resolutionLink").asString())
                .isEqualTo(open.get("publicUrl").asString());
        BrowserSupport.assertNoScriptRan(browser);
    }

    /** How many articles the picker lists, once all it lists are results for the word (-1 before). */
    private static int picks(WebDriver d, String picker, String word) {
        var found = d.findElements(By.cssSelector("#" + picker + "-article-results [data-kb-pick]"));
        if (found.isEmpty() || !found.stream().allMatch(b -> b.getText().contains(word))) return -1;
        return found.size();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String word() {
        String letters = "bcdfghjklmnpqrtvwxz";
        var sb = new StringBuilder("zq");
        for (int i = 0; i < 10; i++)
            sb.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        return sb.toString();
    }
}
