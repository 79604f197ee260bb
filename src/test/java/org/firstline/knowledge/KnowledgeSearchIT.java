package org.firstline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.firstline.knowledge.KnowledgeApiIT.create;
import static org.firstline.knowledge.KnowledgeApiIT.ids;
import static org.firstline.support.ApiClient.map;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Search on the real PostgreSQL: ranking, the tickets' syntax, snippets, filters and pages. */
class KnowledgeSearchIT extends ApiTest {

    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        long inBody = create(api, "Body match", "This mentions " + word + " once, deep in the body.", "PUBLIC", null);
        long inTitle = create(api, "About " + word, "Nothing else to say here.", "PUBLIC", null);
        long inBoth = create(api, word + " explained", "All about " + word + " and " + word + ".", "INTERNAL", null);
        assertThat(ids(search(api, word))).containsExactly(inBoth, inTitle, inBody);
    }

    @Test
    void readsPhrasesExclusionsAndOr() {
        var api = api(AgentRole.AGENT);
        String a = Words.unique();
        String b = Words.unique();
        String c = Words.unique();
        long together = create(api, "Together", "Use " + a + " " + b + " to connect.", "PUBLIC", null);
        long apart = create(api, "Apart", "The " + a + " service is far from the " + b + " one.", "PUBLIC", null);
        long other = create(api, "Other", "Only " + c + " here.", "PUBLIC", null);
        long excluded = create(api, "Excluded", a + " next to " + c + ".", "PUBLIC", null);

        assertThat(ids(search(api, a + " " + b))).containsExactlyInAnyOrder(together, apart);
        assertThat(ids(search(api, "\"" + a + " " + b + "\""))).containsExactly(together);
        assertThat(ids(search(api, a + " -" + c))).containsExactlyInAnyOrder(together, apart);
        assertThat(ids(search(api, b + " or " + c))).containsExactlyInAnyOrder(together, apart, other, excluded);
        assertThat(ids(search(api, Words.unique()))).as("no hit").isEmpty();
        // words of no meaning to the search, and characters of tsquery's own syntax, find nothing and break nothing
        assertThat(search(api, "the and of").status()).isEqualTo(200);
        assertThat(search(api, "\" ' & | ! :* ( ) <-> \\").status()).isEqualTo(200);
    }

    @Test
    void aHitCarriesAPlainSnippetAroundTheMatch() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        String body = "# Heading\n\n" + "Filler sentence about nothing much. ".repeat(30) + "Then **" + word
                + "** appears with [a link](https://example.org/x) near it. " + "More filler follows here. ".repeat(30);
        create(api, "Snippets", body, "PUBLIC", null);
        var hit = search(api, word).json().get("items").get(0);
        String snippet = hit.get("snippet").asString();
        assertThat(snippet).contains(word).doesNotContain("**", "#", "https://example.org");
        assertThat(snippet.length()).isLessThan(300);
        assertThat(hit.has("body")).as("lists carry no bodies").isFalse();
    }

    @Test
    void filtersByCategoryAndVisibilityAndPages() {
        var api = api(AgentRole.AGENT);
        String word = Words.unique();
        long category = api.post("/api/v1/article-categories", map("name", ApiTest.unique("Search")))
                .json()
                .get("id")
                .asLong();
        long first = create(api, "One " + word, "Body", "PUBLIC", category);
        long second = create(api, "Two " + word, "Body", "INTERNAL", category);
        long third = create(api, "Three " + word, "Body", "PUBLIC", null);

        assertThat(ids(api.get("/api/v1/articles?category=" + category + "&q=" + word)))
                .containsExactlyInAnyOrder(first, second);
        assertThat(ids(api.get("/api/v1/articles?visibility=INTERNAL&q=" + word)))
                .containsExactly(second);
        assertThat(ids(api.get("/api/v1/articles?category=" + category))).containsExactlyInAnyOrder(first, second);

        var page1 = api.get("/api/v1/articles?limit=2&q=" + word).json();
        assertThat(page1.get("items")).hasSize(2);
        String cursor = page1.get("nextCursor").asString();
        var page2 = api.get("/api/v1/articles?limit=2&q=" + word + "&cursor=" + cursor)
                .json();
        assertThat(page2.get("items")).hasSize(1);
        assertThat(page2.get("nextCursor").isNull()).isTrue();
        var all = new java.util.ArrayList<Long>();
        page1.get("items").forEach(i -> all.add(i.get("id").asLong()));
        page2.get("items").forEach(i -> all.add(i.get("id").asLong()));
        assertThat(all).containsExactlyInAnyOrder(first, second, third);
    }

    private static ApiClient.Response search(ApiClient api, String q) {
        return api.get("/api/v1/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
}
