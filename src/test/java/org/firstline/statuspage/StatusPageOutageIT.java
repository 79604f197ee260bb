package org.firstline.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.firstline.FirstlineApplication;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.incident.ComponentForm;
import org.firstline.incident.ComponentStatus;
import org.firstline.incident.StatusBoard;
import org.firstline.incident.StatusComponents;
import org.firstline.platform.AgentRole;
import org.firstline.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Firstline on a PostgreSQL of this test's own, which the test stops and starts again (Firstline does not own it, so
 * does not restart it): while it is stopped the status page and its JSON answer at once from memory, with the last
 * known state and a note that it is not live; the subscribe form says to try again in a minute.
 */
class StatusPageOutageIT {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    @Test
    void theStatusPageAnswersWhilePostgresIsStopped() throws Exception {
        var postgres = start(0);
        int databasePort = postgres.getPort();
        try (var context = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--firstline.demo-data=false",
                        "--firstline.data-dir=" + dir.resolve("data"),
                        "--firstline.status.stale-after=PT2S")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var components = context.getBean(StatusComponents.class);
            var board = context.getBean(StatusBoard.class);
            var jdbc = context.getBean(JdbcClient.class);
            var now = Timestamp.from(context.getBean(Clock.class).instant());
            long id = components
                    .create(new ComponentForm("Deploys", null, "Platform", 1, ComponentStatus.MAJOR_OUTAGE))
                    .id();
            long incident = jdbc.sql("""
                            insert into incident (title, status, impact, public, declared_at, updated_at)
                            values ('Deploys fail', 'IDENTIFIED', 'MAJOR', true, ?, ?) returning id""").params(now, now).query(Long.class).single();
            jdbc.sql("""
                            insert into incident_update (incident_id, status, body, public, posted_at)
                            values (?, 'IDENTIFIED', 'A bad release; rolling back.', true, ?)""").params(incident, now).update();
            context.getBean(AgentService.class)
                    .create(new AgentForm(
                            "opal",
                            "Opal",
                            "opal@support.test",
                            AgentRole.AGENT,
                            "UTC",
                            "",
                            30,
                            PASSWORD,
                            true,
                            List.of()));
            var agentBrowser = signIn(port);
            assertThat(board.refresh()).isTrue();
            var anonymous = ApiClient.anonymous(port);
            assertThat(anonymous.get("/status", "text/html").body())
                    .contains("Deploys fail", "rolling back")
                    .doesNotContain("live updates are delayed");

            postgres.close();
            waitUntil(
                    Duration.ofSeconds(15),
                    () -> anonymous.get("/actuator/health/readiness").status() == 503);
            assertThat(agentBrowser.get("/tickets", "text/html").status())
                    .as("the desk itself needs the database")
                    .isEqualTo(503);

            waitUntil(
                    Duration.ofSeconds(15),
                    () -> anonymous.get("/status", "text/html").body().contains("delayed"));
            for (var client : List.of(anonymous, agentBrowser)) {
                long started = System.nanoTime();
                var page = client.get("/status", "text/html");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                assertThat(page.status()).isEqualTo(200);
                assertThat(page.raw().headers().allValues("Set-Cookie")).isEmpty();
                assertThat(page.body())
                        .contains("Deploys", "Major outage", "Deploys fail", "rolling back", "As of")
                        .contains("Showing the status as of", "live updates are delayed");
            }
            var summary = anonymous.get("/status/summary.json");
            assertThat(summary.status()).isEqualTo(200);
            assertThat(summary.json().get("status").get("indicator").asString()).isEqualTo("major");
            assertThat(summary.json().get("incidents").get(0).get("name").asString())
                    .isEqualTo("Deploys fail");
            assertThat(summary.json().get("components").findValuesAsString("name"))
                    .contains("Deploys", "Platform");
            assertThat(anonymous
                            .get("/status/feed.atom", "application/atom+xml")
                            .body())
                    .contains("Deploys fail");
            var unknown = agentBrowser.get("/status/nowhere", "text/html");
            assertThat(unknown.status())
                    .as("answered without the error page's session")
                    .isEqualTo(404);
            assertThat(agentBrowser.postForm("/status/summary.json", Map.of()).status())
                    .isEqualTo(404);

            var page = anonymous.get("/status", "text/html").body();
            var token = java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]*)\"")
                    .matcher(page);
            assertThat(token.find()).isTrue();
            var subscribe = anonymous.postForm(
                    "/status/subscribe",
                    Map.of("email", "ada@customer.test", "token", token.group(1)),
                    Map.of("Origin", "http://localhost:" + port));
            assertThat(subscribe.status()).isEqualTo(503);
            assertThat(subscribe.body()).contains("try again in a minute").doesNotContain("Exception");

            var again = start(databasePort);
            try {
                waitUntil(
                        Duration.ofSeconds(30),
                        () -> anonymous.get("/actuator/health/readiness").status() == 200);
                waitUntil(Duration.ofSeconds(40), board::refresh);
                assertThat(anonymous.get("/status", "text/html").body()).doesNotContain("live updates are delayed");
                assertThat(components.get(id).status()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
            } finally {
                context.close();
                again.close();
            }
        }
    }

    private EmbeddedPostgres start(int port) throws java.io.IOException {
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) builder.setPort(port);
        return builder.start();
    }

    private static ApiClient signIn(int port) {
        var browser = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var signedIn = browser.postForm("/login", Map.of("username", "opal", "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        return browser;
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + limit).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
