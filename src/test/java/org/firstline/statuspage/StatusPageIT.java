package org.firstline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The public page, its Statuspage-compatible JSON and its Atom feed, from the board: field names and values, text
 * from agents escaped everywhere, no cookie ever set, and the note when the reading is old.
 */
class StatusPageIT extends ApiTest {
    static final String SCRIPT = "<script>window.__xss=1;alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    @Autowired
    StatusBoard board;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    record Seeded(long component, long grouped, long open, long resolved, long update, long maintenance, String tag) {}

    /** Components through the API, incidents as rows (they are declared elsewhere), then a fresh reading. */
    Seeded seed() {
        var admin = api(AgentRole.ADMIN);
        String tag = unique("Page");
        long component = admin.post(
                        "/api/v1/components",
                        Map.of("name", tag + " API " + SCRIPT, "description", "Public " + IMG, "position", 1))
                .json()
                .get("id")
                .asLong();
        long grouped = admin.post(
                        "/api/v1/components", Map.of("name", tag + " Dashboard", "group", tag + " Web", "position", 1))
                .json()
                .get("id")
                .asLong();
        admin.post("/api/v1/components/" + component + "/status", Map.of("status", "PARTIAL_OUTAGE"));
        Instant now = clock.instant();
        long maintenance = admin.post(
                        "/api/v1/maintenances",
                        Map.of(
                                "title", tag + " upgrade " + IMG,
                                "body", "[details](javascript:alert(1)) " + SCRIPT,
                                "scheduledFor", now.plus(Duration.ofDays(2)).toString(),
                                "scheduledUntil",
                                        now.plus(Duration.ofDays(2).plusHours(1))
                                                .toString(),
                                "componentIds", java.util.List.of(component)))
                .json()
                .get("id")
                .asLong();
        long[] ids = new long[3];
        transactions.executeWithoutResult(tx -> {
            ids[0] = incident(tag + " errors " + SCRIPT, "IDENTIFIED", "MAJOR", now.minusSeconds(600), null);
            jdbc.sql("insert into incident_component values (?, ?)")
                    .params(ids[0], component)
                    .update();
            update(ids[0], "INVESTIGATING", "We are **looking** into it " + IMG, now.minusSeconds(600));
            ids[1] = update(
                    ids[0], "IDENTIFIED", "Cause found: [link](javascript:alert(1)) " + SCRIPT, now.minusSeconds(60));
            ids[2] = incident(
                    tag + " slow yesterday",
                    "RESOLVED",
                    "MINOR",
                    now.minus(Duration.ofDays(1)),
                    now.minus(Duration.ofHours(20)));
            update(ids[2], "RESOLVED", "All good again.", now.minus(Duration.ofHours(20)));
            board.changed();
        });
        assertThat(board.refresh()).isTrue();
        return new Seeded(component, grouped, ids[0], ids[2], ids[1], maintenance, tag);
    }

    @Test
    void summaryJsonHasStatuspageFieldsAndValues() {
        var s = seed();
        var anonymous = ApiClient.anonymous(port);
        var response = anonymous.get("/status/summary.json");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Cache-Control")).contains("public", "max-age=");
        assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
        JsonNode json = response.json();
        assertThat(json.propertyNames())
                .containsExactly("page", "status", "components", "incidents", "scheduled_maintenances");
        assertThat(json.get("page").get("url").asString()).endsWith("/status");
        assertThat(json.get("page").get("time_zone").asString()).isEqualTo("Etc/UTC");
        Instant.parse(json.get("page").get("updated_at").asString());
        assertThat(json.get("status").get("indicator").asString()).isIn("minor", "major", "critical");
        assertThat(json.get("status").get("description").asString())
                .isEqualTo(board.current().description());

        JsonNode component = find(json.get("components"), "id", String.valueOf(s.component()));
        assertThat(component.get("name").asString()).isEqualTo(s.tag() + " API " + SCRIPT);
        assertThat(component.get("description").asString()).isEqualTo("Public " + IMG);
        assertThat(component.get("status").asString()).isEqualTo("partial_outage");
        assertThat(component.get("position").asInt()).isEqualTo(1);
        assertThat(component.get("group").asBoolean()).isFalse();
        assertThat(component.get("group_id").isNull()).isTrue();
        Instant.parse(component.get("updated_at").asString());
        JsonNode grouped = find(json.get("components"), "id", String.valueOf(s.grouped()));
        JsonNode group =
                find(json.get("components"), "id", grouped.get("group_id").asString());
        assertThat(group.get("name").asString()).isEqualTo(s.tag() + " Web");
        assertThat(group.get("group").asBoolean()).isTrue();
        assertThat(group.get("components").get(0).asString()).isEqualTo(String.valueOf(s.grouped()));

        JsonNode incident = find(json.get("incidents"), "id", String.valueOf(s.open()));
        assertThat(incident.get("name").asString()).isEqualTo(s.tag() + " errors " + SCRIPT);
        assertThat(incident.get("status").asString()).isEqualTo("identified");
        assertThat(incident.get("impact").asString()).isEqualTo("major");
        assertThat(incident.get("resolved_at").isNull()).isTrue();
        assertThat(incident.get("monitoring_at").isNull()).isTrue();
        assertThat(incident.get("shortlink").asString()).endsWith("/status#incident-" + s.open());
        Instant.parse(incident.get("created_at").asString());
        Instant.parse(incident.get("updated_at").asString());
        JsonNode latest = incident.get("incident_updates").get(0);
        assertThat(latest.get("id").asString()).isEqualTo(String.valueOf(s.update()));
        assertThat(latest.get("status").asString()).isEqualTo("identified");
        assertThat(latest.get("body").asString()).isEqualTo("Cause found: [link](javascript:alert(1)) " + SCRIPT);
        assertThat(latest.get("display_at").asString())
                .isEqualTo(latest.get("created_at").asString());
        assertThat(incident.get("incident_updates").size()).isEqualTo(2);
        assertThat(incident.get("components").get(0).get("id").asString()).isEqualTo(String.valueOf(s.component()));
        assertThat(StreamSupport.stream(json.get("incidents").spliterator(), false)
                        .map(i -> i.get("id").asString()))
                .doesNotContain(String.valueOf(s.resolved()));

        JsonNode maintenance = find(json.get("scheduled_maintenances"), "id", "maintenance-" + s.maintenance());
        assertThat(maintenance.get("name").asString()).isEqualTo(s.tag() + " upgrade " + IMG);
        assertThat(maintenance.get("status").asString()).isEqualTo("scheduled");
        assertThat(maintenance.get("impact").asString()).isEqualTo("maintenance");
        Instant.parse(maintenance.get("scheduled_for").asString());
        Instant.parse(maintenance.get("scheduled_until").asString());
        assertThat(maintenance.get("components").get(0).get("id").asString()).isEqualTo(String.valueOf(s.component()));

        var again = anonymous.get("/status/status.json");
        assertThat(again.json().get("status").get("indicator").asString())
                .isEqualTo(json.get("status").get("indicator").asString());
        assertThat(again.json().has("components")).isFalse();
    }

    @Test
    void anUnchangedSummaryIsA304() throws Exception {
        seed();
        var first = ApiClient.anonymous(port).get("/status/summary.json");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/status/summary.json"))
                .header("If-None-Match", etag)
                .build();
        var second = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(304);
    }

    @Test
    void theAtomFeedParsesAndEscapesWhatAgentsWrote() throws Exception {
        var s = seed();
        var response = ApiClient.anonymous(port).get("/status/feed.atom", "application/atom+xml");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/atom+xml");
        assertThat(response.raw().headers().allValues("Set-Cookie")).isEmpty();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        var feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("img").getLength()).isZero();
        var entries = document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        Element update = null;
        Element maintenance = null;
        for (int i = 0; i < entries.getLength(); i++) {
            var entry = (Element) entries.item(i);
            String id = entry.getElementsByTagName("id").item(0).getTextContent();
            if (id.endsWith(":incident-update-" + s.update())) update = entry;
            if (id.endsWith(":maintenance-" + s.maintenance())) maintenance = entry;
        }
        assertThat(update).isNotNull();
        assertThat(maintenance).isNotNull();
        assertThat(update.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(s.tag() + " errors " + SCRIPT + " — Identified");
        Instant.parse(update.getElementsByTagName("updated").item(0).getTextContent());
        String content = update.getElementsByTagName("content").item(0).getTextContent();
        assertThat(content).contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("javascript:");
        assertThat(maintenance.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Scheduled maintenance: " + s.tag() + " upgrade " + IMG);
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("<img");
    }

    @Test
    void thePageShowsEverythingEscapedWithoutSessionOrCookieAndSaysWhenItIsOld() {
        var s = seed();
        var page = ApiClient.anonymous(port).get("/status", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().headers().allValues("Set-Cookie")).isEmpty();
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "style-src 'self'").doesNotContain("unsafe-inline");
        String html = page.body();
        assertThat(html)
                .contains(s.tag() + " API &lt;script&gt;", "Partial outage", s.tag() + " Web", s.tag() + " Dashboard")
                .contains(s.tag() + " errors &lt;script&gt;", "<strong>looking</strong>", "Cause found")
                .contains(s.tag() + " slow yesterday", "All good again.")
                .contains(s.tag() + " upgrade &quot;&gt;&lt;img", "Scheduled maintenance")
                .contains(board.current().description(), "As of")
                .doesNotContain("<script>window.__xss")
                .doesNotContain("<img src=x")
                .doesNotContainPattern("<a [^>]*href=\"javascript")
                .doesNotContain("live updates are delayed");
        // other tests' incidents share the page: compare within this one's entry
        int entry = html.indexOf(s.tag() + " errors &lt;script&gt;");
        assertThat(html.indexOf("Cause found", entry))
                .as("newest first")
                .isLessThan(html.indexOf("<strong>looking", entry));
        assertThat(html).doesNotContainPattern("<script>[^<]").doesNotContainPattern(" style=");

        // a signed-in agent's session cookie is not even looked at here
        var agentBrowser = signedIn(newAgent(AgentRole.AGENT));
        var asAgent = agentBrowser.get("/status", "text/html");
        assertThat(asAgent.status()).isEqualTo(200);
        assertThat(asAgent.raw().headers().allValues("Set-Cookie")).isEmpty();
        assertThat(agentBrowser.get("/status/summary.json").raw().headers().allValues("Set-Cookie"))
                .isEmpty();

        // the board also reads every half minute: a reading that lands between the move and the request is retried
        String old = "";
        for (int attempt = 0; attempt < 3 && !old.contains("live updates are delayed"); attempt++) {
            clock.advance(Duration.ofMinutes(2));
            old = ApiClient.anonymous(port).get("/status", "text/html").body();
        }
        assertThat(old).contains("Showing the status as of", "live updates are delayed");
        board.refresh();
        assertThat(ApiClient.anonymous(port).get("/status", "text/html").body())
                .doesNotContain("live updates are delayed");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.has(field) && value.equals(n.get(field).asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + field + "=" + value + " in " + array));
    }

    private long incident(String title, String status, String impact, Instant declared, Instant resolved) {
        return jdbc.sql("""
                        insert into incident (title, status, impact, public, declared_at, updated_at, resolved_at)
                        values (?, ?, ?, true, ?, ?, ?) returning id""")
                .params(
                        title,
                        status,
                        impact,
                        Timestamp.from(declared),
                        Timestamp.from(resolved == null ? declared : resolved),
                        resolved == null ? null : Timestamp.from(resolved))
                .query(Long.class)
                .single();
    }

    private long update(long incident, String status, String body, Instant at) {
        return jdbc.sql("""
                        insert into incident_update (incident_id, status, body, public, posted_at)
                        values (?, ?, ?, true, ?) returning id""")
                .params(incident, status, body, Timestamp.from(at))
                .query(Long.class)
                .single();
    }
}
