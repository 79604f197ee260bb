package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.firstline.directory.TeamService;
import org.firstline.knowledge.ArticleForm;
import org.firstline.knowledge.Articles;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.platform.FirstlineSettings;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.CalendarService;
import org.firstline.support.ApiClient;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** First line's inbox: the page, making a ticket with one action, noisy keys, runbooks that are articles, in hours. */
class AlertInboxIT extends ApiTest {
    @Autowired
    TeamService teams;

    @Autowired
    Articles articles;

    @Autowired
    CalendarService calendars;

    @Autowired
    FirstlineSettings settings;

    @Test
    void anAlertBecomesAnInternalTicketWithOneAction() {
        JsonNode created = AlertmanagerIntakeIT.source(api(AgentRole.ADMIN), teams, "GENERIC", Map.of());
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        long id = monitor.post(
                        "/api/v1/hooks/alerts",
                        Map.of(
                                "dedupKey", unique("cert"),
                                "summary", "TLS certificate expires in 3 days",
                                "severity", "critical",
                                "runbookUrl", "https://runbooks.example.org/tls",
                                "labels", Map.of("domain", "shop.example.org")))
                .json()
                .path("alertId")
                .asLong();
        var agent = api(AgentRole.AGENT);
        var made = agent.post("/api/v1/alerts/" + id + "/ticket", Map.of());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long ticketId = made.json().path("ticketId").asLong();
        JsonNode ticket = agent.get("/api/v1/tickets/" + ticketId).json();
        assertThat(ticket.path("subject").asString()).isEqualTo("Alert: TLS certificate expires in 3 days");
        assertThat(ticket.path("internal").asBoolean())
                .as("alerts are not from customers")
                .isTrue();
        assertThat(ticket.path("channel").asString()).isEqualTo("ALERT");
        assertThat(ticket.path("priority").asString()).isEqualTo("CRITICAL");
        String conversation =
                agent.get("/api/v1/tickets/" + ticketId + "/messages").body();
        assertThat(conversation)
                .contains("domain: shop.example.org")
                .contains("https://runbooks.example.org/tls")
                .contains("/alerts/" + id);
        JsonNode alert = agent.get("/api/v1/alerts/" + id).json();
        assertThat(alert.path("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(alert.path("ticketNumber").asLong())
                .isEqualTo(made.json().path("number").asLong());

        var again = agent.post("/api/v1/alerts/" + id + "/ticket", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("ticketId").asLong())
                .as("one ticket per alert")
                .isEqualTo(ticketId);
        assertThat(api(AgentRole.READ_ONLY)
                        .post("/api/v1/alerts/" + id + "/ticket", Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theInboxPageListsOpenAlertsEscapedWithTheirRunbookArticleAndMakesTickets() {
        var admin = newAgent(AgentRole.ADMIN);
        AgentPrincipal principal = new AgentPrincipal(
                admin.id(), admin.username(), admin.displayName(), AgentRole.ADMIN, "UTC", null, true);
        var article = articles.create(
                new ArticleForm(
                        "Restarting the queue workers", "Run the restart job.", Visibility.PUBLIC, null, null, null),
                principal);
        String runbook = settings.publicUrl().replaceAll("/+$", "") + "/kb/" + article.slug();
        JsonNode created = AlertmanagerIntakeIT.source(api(admin), teams, "GENERIC", Map.of());
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        String marker = unique("queue");
        long id = monitor.post(
                        "/api/v1/hooks/alerts",
                        Map.of(
                                "dedupKey",
                                marker,
                                "summary",
                                "<script>alert('" + marker + "')</script> queue backlog",
                                "runbookUrl",
                                runbook,
                                "labels",
                                Map.of("queue", "<b>mail</b>")))
                .json()
                .path("alertId")
                .asLong();

        var browser = signedIn(newAgent(AgentRole.AGENT));
        String page = browser.get("/alerts", "text/html").body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt; queue backlog");
        assertThat(page).doesNotContain("<script>alert('" + marker);
        assertThat(page).contains("Restarting the queue workers").contains("href=\"" + runbook + "\"");
        String detail = browser.get("/alerts/" + id, "text/html").body();
        assertThat(detail).contains("&lt;b&gt;mail&lt;/b&gt;").doesNotContain("<b>mail</b>");

        String csrf = ApiClient.csrfToken(page);
        var made = browser.postForm("/alerts/" + id + "/ticket", Map.of("_csrf", csrf));
        assertThat(made.status()).isEqualTo(302);
        long number = api(AgentRole.AGENT)
                .get("/api/v1/alerts/" + id)
                .json()
                .path("ticketNumber")
                .asLong();
        assertThat(made.header("Location")).endsWith("/tickets/" + number);
    }

    @Test
    void noisyKeysAreCountedOverTheWeek() {
        JsonNode created = AlertmanagerIntakeIT.source(api(AgentRole.ADMIN), teams, "GENERIC", Map.of());
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        String key = unique("flappy");
        for (int i = 0; i < 4; i++) {
            monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "summary", "Flapping check"));
            monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "summary", "Flapping check"));
            monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", key, "status", "resolved"));
            clock.advance(Duration.ofMinutes(5));
        }
        var noisy = api(AgentRole.AGENT).get("/api/v1/alerts/noisy?limit=100").json();
        assertThat(noisy.path("periodDays").asInt()).isEqualTo(7);
        JsonNode mine = find(noisy.path("items"), key);
        assertThat(mine.path("fired").asLong()).isEqualTo(4);
        assertThat(mine.path("receipts").asLong())
                .as("two posts firing and one resolving, four times")
                .isEqualTo(12);

        clock.advance(Duration.ofDays(8));
        assertThat(api(AgentRole.AGENT)
                        .get("/api/v1/alerts/noisy?limit=100")
                        .json()
                        .path("items")
                        .findValuesAsString("dedupKey"))
                .as("a week later")
                .doesNotContain(key);
    }

    @Test
    void anAlertKnowsWhetherItArrivedInFirstLinesHours() {
        long calendar = calendars
                .create(new CalendarForm(
                        unique("First line"),
                        "Europe/London",
                        false,
                        List.of(new CalendarForm.Hours(DayOfWeek.WEDNESDAY, "10:00", "18:00"))))
                .id();
        JsonNode created =
                AlertmanagerIntakeIT.source(api(AgentRole.ADMIN), teams, "GENERIC", Map.of("calendarId", calendar));
        var monitor = ApiClient.bearer(port, created.path("token").asString());
        var agent = api(AgentRole.AGENT);
        Instant before = clock.instant();
        try {
            // a Wednesday in January (London is on UTC): 11:00 is in hours, 03:00 is not
            LocalDate wednesday = LocalDate.of(2027, 1, 1).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
            clock.set(wednesday.atTime(11, 0).toInstant(ZoneOffset.UTC));
            long day = monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", unique("k"), "summary", "day"))
                    .json()
                    .path("alertId")
                    .asLong();
            clock.set(wednesday.atTime(3, 0).toInstant(ZoneOffset.UTC));
            long night = monitor.post("/api/v1/hooks/alerts", Map.of("dedupKey", unique("k"), "summary", "night"))
                    .json()
                    .path("alertId")
                    .asLong();
            assertThat(agent.get("/api/v1/alerts/" + day).json().path("inHours").asBoolean())
                    .isTrue();
            assertThat(agent.get("/api/v1/alerts/" + night)
                            .json()
                            .path("inHours")
                            .asBoolean())
                    .isFalse();
        } finally {
            if (clock.instant().isBefore(before)) clock.set(before);
        }
    }

    private static JsonNode find(JsonNode items, String key) {
        for (JsonNode item : items) if (item.path("dedupKey").asString().equals(key)) return item;
        throw new AssertionError("no noisy entry for " + key + " in " + items);
    }

    @Test
    void anAdminPlansAMaintenanceWindowAheadOnThePageAndItSilencesOnlyThen() throws java.io.IOException {
        clock.set(java.time.Instant.parse("2026-12-02T10:00:00Z"));
        var created = AlertmanagerIntakeIT.source(api(AgentRole.ADMIN), teams, "ALERTMANAGER", java.util.Map.of());
        long sourceId = created.path("source").path("id").asLong();
        String name = created.path("source").path("name").asString();
        var admin = signedIn(newAgent(AgentRole.ADMIN));
        var page = admin.get("/admin/alerts", "text/html");
        var saved = admin.postForm(
                "/admin/alerts/maintenance",
                java.util.Map.of(
                        "sourceId", String.valueOf(sourceId),
                        "startsAt", "2026-12-02T22:00",
                        "minutes", "120",
                        "reason", "database upgrade",
                        "_csrf", org.firstline.support.ApiClient.csrfToken(page.body())));
        assertThat(saved.status()).isEqualTo(302);
        var after = admin.get("/admin/alerts", "text/html").body();
        assertThat(after).contains("Maintenance window planned.").contains("database upgrade");
        assertThat(after.substring(after.indexOf("aria-label=\"Maintenance windows\"")))
                .contains(name);

        var alertmanager = org.firstline.support.ApiClient.bearer(
                port, created.path("token").asString());
        var now = alertmanager.postRaw(
                "/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("firing.json", unique("before")));
        clock.set(java.time.Instant.parse("2026-12-02T22:30:00Z"));
        var during = alertmanager.postRaw(
                "/api/v1/hooks/alertmanager", AlertmanagerIntakeIT.fixture("firing.json", unique("during")));
        var reader = api(AgentRole.AGENT);
        assertThat(reader.get("/api/v1/alerts/" + now.json().path("alertId").asLong())
                        .json()
                        .path("suppressed")
                        .asBoolean())
                .as("before the window")
                .isFalse();
        assertThat(reader.get("/api/v1/alerts/" + during.json().path("alertId").asLong())
                        .json()
                        .path("suppressed")
                        .asBoolean())
                .as("in the window")
                .isTrue();

        var late = admin.postForm(
                "/admin/alerts/maintenance",
                java.util.Map.of(
                        "sourceId",
                        String.valueOf(sourceId),
                        "startsAt",
                        "2026-12-01T08:00",
                        "minutes",
                        "60",
                        "_csrf",
                        org.firstline.support.ApiClient.csrfToken(page.body())),
                java.util.Map.of("Referer", "http://localhost:" + port + "/admin/alerts"));
        assertThat(late.status()).isEqualTo(302);
        assertThat(admin.get("/admin/alerts", "text/html").body()).contains("the window would be over already");
    }
}
