package org.firstline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.knowledge.KnowledgeApiIT.create;
import static org.firstline.support.ApiClient.map;

import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The public knowledge base without signing in: public articles only; an internal, archived or missing one answers
 * the same 404 page; no session is made or read; what agents typed is shown as text, never run.
 */
class PublicKnowledgeIT extends ApiTest {
    private static final String SCRIPT = "<script>window.__xss=1</script>";
    private static final String IMG = "<img src=x onerror=\"window.__xss=2\">";

    @Test
    void showsPublicArticlesToAnyoneAndNothingElse() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        String category = ApiTest.unique("Getting started");
        long categoryId = api.post("/api/v1/article-categories", map("name", category))
                .json()
                .get("id")
                .asLong();
        long visible = create(api, "Public " + word, "Open **Settings** to " + word + ".", "PUBLIC", categoryId);
        String secret = "Internal " + word;
        long internal = create(api, secret, "Only agents " + word, "INTERNAL", categoryId);
        long archived = create(api, "Archived " + word, "Gone " + word, "PUBLIC", categoryId);
        api.delete("/api/v1/articles/" + archived);
        String publicSlug = slug(api, visible);

        var anyone = ApiClient.anonymous(port);
        var page = anyone.get("/kb/" + publicSlug, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Public " + word, "<strong>Settings</strong>", category, "Last updated", "href=\"/portal\"");
        assertThat(page.header("Set-Cookie")).isNull();
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");

        var missing = anyone.get("/kb/" + ApiTest.unique("no-such-article").toLowerCase(), "text/html");
        assertThat(missing.status()).isEqualTo(404);
        for (long id : new long[] {internal, archived}) {
            var hidden = anyone.get("/kb/" + slug(api, id), "text/html");
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body()).as("same page as a missing one").isEqualTo(missing.body());
            assertThat(hidden.body()).doesNotContain(word);
        }

        var list = anyone.get("/kb?q=" + word, "text/html");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Public " + word).doesNotContain(secret, "Archived " + word);
        var browse = anyone.get("/kb?category=" + categoryId, "text/html").body();
        assertThat(browse).contains("Public " + word, category + " (1)").doesNotContain(secret);
        assertThat(anyone.get("/kb?cursor=garbage&category=x", "text/html").status())
                .isEqualTo(200);
    }

    @Test
    void aSignedInAgentIsAStrangerOnThePublicPages() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        long internal = create(api, "Internal " + word, "Agents only", "INTERNAL", null);
        var browser = signedIn(newAgent(AgentRole.ADMIN));
        assertThat(browser.get("/knowledge/" + internal, "text/html").body()).contains("Internal " + word);
        var page = browser.get("/kb/" + slug(api, internal), "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain(word);
        assertThat(browser.get("/kb?q=" + word, "text/html").body()).doesNotContain("Internal " + word);
        assertThat(page.header("Set-Cookie")).isNull();
    }

    @Test
    void whatAgentsTypedIsShownAsTextOnEveryPage() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        String category = ApiTest.unique("Cat") + SCRIPT;
        long categoryId = api.post("/api/v1/article-categories", map("name", category))
                .json()
                .get("id")
                .asLong();
        long id = create(
                api,
                word + " " + SCRIPT,
                IMG + "\n\n" + SCRIPT + "\n\n[click](javascript:window.__xss=3)\n\n<a href=\"javascript:x\">raw</a>",
                "PUBLIC",
                categoryId);
        var browser = signedIn(newAgent(AgentRole.AGENT));
        for (String html : new String[] {
            ApiClient.anonymous(port).get("/kb/" + slug(api, id), "text/html").body(),
            ApiClient.anonymous(port).get("/kb?q=" + word, "text/html").body(),
            browser.get("/knowledge/" + id, "text/html").body(),
            browser.get("/knowledge?q=" + word, "text/html").body(),
            browser.get("/knowledge/" + id + "/history", "text/html").body(),
            browser.get("/knowledge/" + id + "/versions/1", "text/html").body(),
            browser.get("/knowledge/" + id + "/edit", "text/html").body(),
            browser.get("/knowledge/picker?q=" + word, "text/html").body()
        }) {
            assertThat(html)
                    .doesNotContain("<script>window.__xss", "<img src=x")
                    .doesNotContainPattern("<[a-z]+[^>]*\\sonerror=")
                    .doesNotContainPattern("<a[^>]*href=\"javascript:")
                    .contains(word);
        }
        assertThat(ApiClient.anonymous(port)
                        .get("/kb/" + slug(api, id), "text/html")
                        .body())
                .contains("&lt;script&gt;window.__xss=1&lt;/script&gt;");
        assertThat(ApiClient.anonymous(port).get("/kb", "text/html").body()).doesNotContain("<script>window.__xss");
    }

    private static String slug(ApiClient api, long id) {
        return api.get("/api/v1/articles/" + id).json().get("slug").asString();
    }
}
