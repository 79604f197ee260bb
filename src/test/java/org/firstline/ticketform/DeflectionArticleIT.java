package org.firstline.ticketform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An article rule that links a knowledge base article: its public address, and only while customers may read it. */
class DeflectionArticleIT extends ApiTest {

    @Autowired
    DeflectionRules rules;

    @Test
    void anArticleRuleSuggestsThePublicArticleAndStopsWhenItIsArchived() throws Exception {
        var admin = api(AgentRole.ADMIN);
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var article = admin.post(
                        "/api/v1/articles", map("title", "Fixing " + word, "body", "Do this.", "visibility", "PUBLIC"))
                .json();
        long articleId = article.get("id").asLong();
        String publicUrl = article.get("publicUrl").asString();

        var created = admin.post(
                "/api/v1/deflection-rules", map("phrases", List.of(word), "kind", "ARTICLE", "articleId", articleId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("url").asString()).isEqualTo(publicUrl).endsWith("/kb/fixing-" + word);
        assertThat(created.json().get("title").asString())
                .as("the article's title")
                .isEqualTo("Fixing " + word);
        assertThat(created.json().get("articleId").asLong()).isEqualTo(articleId);
        long ruleId = created.json().get("id").asLong();
        await(
                word,
                s -> s.stream().anyMatch(x -> x.ruleId() == ruleId && x.url().equals(publicUrl)));

        admin.delete("/api/v1/articles/" + articleId);
        await(word, s -> s.stream().noneMatch(x -> x.ruleId() == ruleId));
        admin.post("/api/v1/articles/" + articleId + "/restore", map());
        await(word, s -> s.stream().anyMatch(x -> x.ruleId() == ruleId));
    }

    @Test
    void refusesAnInternalArchivedOrMissingArticleAndAToolRuleWithOne() {
        var admin = api(AgentRole.ADMIN);
        long internal = admin.post(
                        "/api/v1/articles",
                        map(
                                "title",
                                ApiTest.unique("Secret runbook"),
                                "body",
                                "Agents only.",
                                "visibility",
                                "INTERNAL"))
                .json()
                .get("id")
                .asLong();
        var refused = admin.post(
                "/api/v1/deflection-rules",
                map("phrases", List.of("outage"), "kind", "ARTICLE", "articleId", internal));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"field\":\"articleId\"", "internal article");

        long archived = admin.post(
                        "/api/v1/articles",
                        map("title", ApiTest.unique("Old"), "body", "Gone.", "visibility", "PUBLIC"))
                .json()
                .get("id")
                .asLong();
        admin.delete("/api/v1/articles/" + archived);
        assertThat(admin.post(
                                "/api/v1/deflection-rules",
                                map("phrases", List.of("old"), "kind", "ARTICLE", "articleId", archived))
                        .body())
                .contains("archived");
        assertThat(admin.post(
                                "/api/v1/deflection-rules",
                                map("phrases", List.of("x"), "kind", "ARTICLE", "articleId", 999_999_999))
                        .status())
                .isEqualTo(400);
        var tool = admin.post(
                "/api/v1/deflection-rules",
                map(
                        "phrases",
                        List.of("x"),
                        "kind",
                        "TOOL",
                        "title",
                        "t",
                        "url",
                        "https://a.example",
                        "articleId",
                        archived));
        assertThat(tool.status()).isEqualTo(400);
        assertThat(tool.body()).contains("ARTICLE");
    }

    @Test
    void theAdminPageLinksARuleToAnArticle() {
        var api = api(AgentRole.AGENT);
        String title = ApiTest.unique("Linked from the form");
        long article = api.post("/api/v1/articles", map("title", title, "body", "Read me.", "visibility", "PUBLIC"))
                .json()
                .get("id")
                .asLong();
        var browser = signedIn(newAgent(AgentRole.ADMIN));
        String page = browser.get("/admin/deflection", "text/html").body();
        assertThat(page).contains(title);
        String phrase = "p" + UUID.randomUUID().toString().substring(0, 8);
        var saved = browser.postForm(
                "/admin/deflection",
                java.util.Map.of(
                        "phrases",
                        phrase,
                        "kind",
                        "ARTICLE",
                        "articleId",
                        String.valueOf(article),
                        "_csrf",
                        ApiClient.csrfToken(page)));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(browser.get("/admin/deflection", "text/html").body())
                .contains(phrase, "/kb/" + title.toLowerCase().replace(' ', '-'), "/knowledge/" + article);
    }

    private void await(String word, Predicate<List<Suggestion>> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(rules.suggest("I need " + word, "a@b.example", "Help"))) {
            assertThat(System.nanoTime()).as("the rules are read again").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
