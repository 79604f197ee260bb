package org.firstline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.support.ApiClient.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Articles and categories over the API: writing, versions, refusals, roles and the audit trail. */
class KnowledgeApiIT extends ApiTest {

    @Test
    void savesEveryVersionAndRefusesAnEditOfAnOlderOne() {
        var writer = newAgent(AgentRole.AGENT);
        var api = api(writer);
        String title = unique("Reset your password");
        var created = api.post(
                "/api/v1/articles",
                map("title", title, "body", "Open **Settings**.", "visibility", "PUBLIC", "categoryId", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var article = created.json();
        long id = article.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + id);
        String slug = title.toLowerCase().replace(' ', '-');
        assertThat(article.get("slug").asString()).isEqualTo(slug);
        assertThat(article.get("version").asInt()).isEqualTo(1);
        assertThat(article.get("authorName").asString()).isEqualTo(writer.displayName());
        assertThat(article.get("publicUrl").asString()).endsWith("/kb/" + slug);
        assertThat(article.get("agentUrl").asString()).endsWith("/knowledge/" + id);

        var editor = newAgent(AgentRole.ACCOUNT_MANAGER);
        var second = api(editor)
                .put(
                        "/api/v1/articles/" + id,
                        map(
                                "title",
                                title,
                                "body",
                                "Open **Settings**, then Security.",
                                "visibility",
                                "INTERNAL",
                                "version",
                                1));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("updatedByName").asString()).isEqualTo(editor.displayName());
        assertThat(second.json().get("authorName").asString()).isEqualTo(writer.displayName());
        assertThat(second.json().get("publicUrl").isNull())
                .as("internal: no public address")
                .isTrue();

        // the first writer still has version 1 open: saving it would lose the second edit
        var stale = api.put(
                "/api/v1/articles/" + id, map("title", title, "body", "Mine", "visibility", "PUBLIC", "version", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().get("detail").asString()).contains("version 2", editor.displayName());
        assertThat(api.get("/api/v1/articles/" + id).json().get("body").asString())
                .isEqualTo("Open **Settings**, then Security.");

        // saving what is there already makes no version
        var same = api.put(
                "/api/v1/articles/" + id,
                map(
                        "title",
                        title,
                        "body",
                        "Open **Settings**, then Security.",
                        "visibility",
                        "INTERNAL",
                        "version",
                        2));
        assertThat(same.json().get("version").asInt()).isEqualTo(2);

        var versions = api.get("/api/v1/articles/" + id + "/versions").json().get("items");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(1).get("editedByName").asString()).isEqualTo(writer.displayName());
        var first = api.get("/api/v1/articles/" + id + "/versions/1").json();
        assertThat(first.get("body").asString()).isEqualTo("Open **Settings**.");
        assertThat(first.get("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(api.get("/api/v1/articles/" + id + "/versions/3").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/articles/by-slug/" + slug).json().get("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void archivingTakesAnArticleOutOfSearchesAndRestoringBringsItBack() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        long id = create(api, "Archived " + word, "Body " + word, "PUBLIC", null);
        assertThat(ids(api.get("/api/v1/articles?q=" + word))).containsExactly(id);
        assertThat(api.delete("/api/v1/articles/" + id).status()).isEqualTo(204);
        var archived = api.get("/api/v1/articles/" + id).json();
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(archived.get("publicUrl").isNull()).isTrue();
        assertThat(ids(api.get("/api/v1/articles?q=" + word))).isEmpty();
        assertThat(ids(api.get("/api/v1/articles?archived=true&q=" + word))).containsExactly(id);
        var edit =
                api.put("/api/v1/articles/" + id, map("title", "x", "body", "y", "visibility", "PUBLIC", "version", 1));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/articles/" + id + "/restore", Map.of()).status())
                .isEqualTo(200);
        assertThat(ids(api.get("/api/v1/articles?q=" + word))).containsExactly(id);
    }

    @Test
    void refusesWhatCannotBeAnArticleNamingTheField() {
        var api = api(AgentRole.AGENT);
        assertField(api.post("/api/v1/articles", map("body", "b", "visibility", "PUBLIC")), 400, "title");
        assertField(
                api.post("/api/v1/articles", map("title", "  ", "body", "b", "visibility", "PUBLIC")), 400, "title");
        assertField(api.post("/api/v1/articles", map("title", "t", "body", "", "visibility", "PUBLIC")), 400, "body");
        assertField(api.post("/api/v1/articles", map("title", "t", "body", "b")), 400, "visibility");
        assertField(
                api.post("/api/v1/articles", map("title", "x".repeat(201), "body", "b", "visibility", "PUBLIC")),
                400,
                "title");
        assertField(
                api.post("/api/v1/articles", map("title", "t", "body", "b".repeat(100_001), "visibility", "PUBLIC")),
                400,
                "body");
        assertField(
                api.post(
                        "/api/v1/articles",
                        map("title", "t", "body", "b", "visibility", "PUBLIC", "categoryId", 999_999_999)),
                400,
                "categoryId");
        assertField(
                api.post(
                        "/api/v1/articles",
                        map("title", "t", "body", "b", "visibility", "PUBLIC", "slug", "Not A Slug")),
                400,
                "slug");
        assertThat(api.post("/api/v1/articles", map("title", "t", "body", "b", "visibility", "SECRET"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/articles", map("title", "t", "body", "b", "visibility", "PUBLIC", "colour", "red"))
                        .status())
                .isEqualTo(400);
        String slug = unique("taken").toLowerCase();
        long id = api.post("/api/v1/articles", map("title", "t", "body", "b", "visibility", "PUBLIC", "slug", slug))
                .json()
                .get("id")
                .asLong();
        assertThat(api.post("/api/v1/articles", map("title", "t", "body", "b", "visibility", "PUBLIC", "slug", slug))
                        .status())
                .isEqualTo(409);
        assertField(
                api.put("/api/v1/articles/" + id, map("title", "t", "body", "b2", "visibility", "PUBLIC")),
                400,
                "version");
        assertField(
                api.put(
                        "/api/v1/articles/" + id,
                        map("title", "t", "body", "b", "visibility", "PUBLIC", "version", 1, "slug", "another-one")),
                400,
                "slug");
        assertThat(api.get("/api/v1/articles/999999999").status()).isEqualTo(404);
        assertThat(api.put(
                                "/api/v1/articles/999999999",
                                map("title", "t", "body", "b", "visibility", "PUBLIC", "version", 1))
                        .status())
                .isEqualTo(404);
        assertField(api.get("/api/v1/articles?limit=0"), 400, "limit");
        assertField(api.get("/api/v1/articles?cursor=nonsense"), 400, "cursor");
        assertThat(api.get("/api/v1/articles?visibility=SECRET").status()).isEqualTo(400);
    }

    @Test
    void readOnlyAgentsReadButCannotWrite() {
        var writer = api(AgentRole.AGENT);
        long id = create(writer, unique("Internal notes"), "For agents", "INTERNAL", null);
        var reader = api(AgentRole.READ_ONLY);
        assertThat(reader.get("/api/v1/articles/" + id).status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/articles").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/article-categories").status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/articles", map("title", "t", "body", "b", "visibility", "PUBLIC"))
                        .status())
                .isEqualTo(403);
        assertThat(reader.put(
                                "/api/v1/articles/" + id,
                                map("title", "t", "body", "b", "visibility", "PUBLIC", "version", 1))
                        .status())
                .isEqualTo(403);
        assertThat(reader.delete("/api/v1/articles/" + id).status()).isEqualTo(403);
        assertThat(reader.post("/api/v1/article-categories", map("name", unique("c")))
                        .status())
                .isEqualTo(403);
        assertThat(writer.get("/api/v1/articles/" + id).json().get("archived").asBoolean())
                .isFalse();

        var browser = signedIn(newAgent(AgentRole.READ_ONLY));
        var page = browser.get("/knowledge/" + id, "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("For agents").doesNotContain(">Edit<", ">Archive<");
        String csrf = ApiClient.csrfToken(browser.get("/knowledge", "text/html").body());
        var refused = browser.postForm("/knowledge/" + id + "/archive", Map.of("_csrf", csrf));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/articles/" + id).status()).isEqualTo(401);
    }

    @Test
    void categoriesAreUniqueAndOnlyEmptyOnesGoButRunbooksStays() {
        var api = api(AgentRole.AGENT);
        var categories = api.get("/api/v1/article-categories").json().get("items");
        JsonNode runbooks = null;
        for (var c : categories) if (c.get("name").asString().equals("Runbooks")) runbooks = c;
        assertThat(runbooks).as("Runbooks is there from the start").isNotNull();
        long runbooksId = runbooks.get("id").asLong();
        assertThat(api.delete("/api/v1/article-categories/" + runbooksId).status())
                .isEqualTo(409);
        assertThat(api.put("/api/v1/article-categories/" + runbooksId, map("name", "Playbooks"))
                        .status())
                .isEqualTo(409);

        String name = unique("Billing");
        var created = api.post("/api/v1/article-categories", map("name", name, "position", 3));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long category = created.json().get("id").asLong();
        assertThat(api.post("/api/v1/article-categories", map("name", name.toUpperCase()))
                        .status())
                .isEqualTo(409);
        assertField(api.post("/api/v1/article-categories", map("name", " ")), 400, "name");
        assertField(api.post("/api/v1/article-categories", map("name", "x", "position", -1)), 400, "position");
        long article = create(api, unique("In a category"), "Body", "PUBLIC", category);
        assertThat(api.get("/api/v1/article-categories/" + category)
                        .json()
                        .get("articles")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.delete("/api/v1/article-categories/" + category).status())
                .isEqualTo(409);
        api.delete("/api/v1/articles/" + article);
        assertThat(api.delete("/api/v1/article-categories/" + category).status())
                .as("archived articles keep their category")
                .isEqualTo(409);
        long empty = api.post("/api/v1/article-categories", map("name", unique("Empty")))
                .json()
                .get("id")
                .asLong();
        assertThat(api.delete("/api/v1/article-categories/" + empty).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/article-categories/" + empty).status()).isEqualTo(404);
    }

    @Test
    void changesAreInTheAuditTrailUnderTheAgentsName() {
        var writer = newAgent(AgentRole.AGENT);
        var api = api(writer);
        long id = create(api, unique("Audited"), "First", "INTERNAL", null);
        api.put(
                "/api/v1/articles/" + id,
                map("title", "Audited again", "body", "First", "visibility", "INTERNAL", "version", 1));
        var admin = api(AgentRole.ADMIN);
        var entries = admin.get("/api/v1/audit?entity=kb_article&entityId=" + id)
                .json()
                .get("items");
        var actions = new ArrayList<String>();
        entries.forEach(e ->
                actions.add(e.get("action").asString() + " " + e.get("actor").asString() + " "
                        + (e.get("field") == null || e.get("field").isNull()
                                ? ""
                                : e.get("field").asString())));
        assertThat(actions)
                .anyMatch(a -> a.startsWith("created agent:" + writer.username()))
                .anyMatch(a -> a.equals("changed agent:" + writer.username() + " title"));
    }

    static long create(ApiClient api, String title, String body, String visibility, Long category) {
        var response = api.post(
                "/api/v1/articles",
                map("title", title, "body", body, "visibility", visibility, "categoryId", category));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    static List<Long> ids(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var ids = new ArrayList<Long>();
        response.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    private static void assertField(ApiClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
