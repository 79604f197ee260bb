package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.firstline.FirstlineApplication;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.directory.ApiTokenService;
import org.firstline.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Firstline with a PostgreSQL of its own whose server process is killed: readiness goes DOWN at once, every request is
 * an honest 503 (never a sign-in prompt), the server is started again and what was accepted before is all there.
 */
class DatabaseOutageIT {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    @Test
    void aKilledEmbeddedDatabaseIsA503UntilFirstlineHasStartedItAgain() throws Exception {
        try (var context = new SpringApplicationBuilder(FirstlineApplication.class)
                .run(
                        "--server.port=0",
                        "--firstline.ephemeral-database=false",
                        "--firstline.demo-data=false",
                        "--firstline.data-dir=" + dataDir)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var agent = context.getBean(AgentService.class)
                    .create(new AgentForm(
                            "olive",
                            "Olive",
                            "olive@support.test",
                            AgentRole.ADMIN,
                            "UTC",
                            "",
                            30,
                            PASSWORD,
                            true,
                            List.of()));
            var api = ApiClient.bearer(
                    port,
                    context.getBean(ApiTokenService.class)
                            .create("outage", agent.id())
                            .secret());
            var basic = ApiClient.basic(port, "olive", PASSWORD);
            var anonymous = ApiClient.anonymous(port);
            var browser = signIn(port);
            long before = api.post(
                            "/api/v1/tickets",
                            Map.of(
                                    "subject",
                                    "Filed before the outage",
                                    "body",
                                    "Keep me",
                                    "requester",
                                    Map.of("email", "ada@example.com")))
                    .json()
                    .get("id")
                    .asLong();

            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                    .get(0)
                    .strip());
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            long killedAt = System.nanoTime();

            waitUntil(
                    Duration.ofSeconds(5),
                    () -> anonymous.get("/actuator/health/readiness").status() == 503);
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            long healthStart = System.nanoTime();
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - healthStart)).isLessThan(Duration.ofSeconds(1));

            // a restart takes seconds after the outage is seen, so these all meet the database away: 503, never a 401
            for (var client : List.of(api, basic)) {
                var refused = client.get("/api/v1/tickets/" + before);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(refused.body()).doesNotContain("Exception").doesNotContain("select");
            }
            var page = browser.get("/tickets", "text/html");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("cannot reach its database");

            waitUntil(
                    Duration.ofSeconds(30),
                    () -> anonymous.get("/actuator/health/readiness").status() == 200);
            Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);
            System.out.println("Recovered from a killed embedded PostgreSQL in " + recovery.toMillis() + " ms");

            assertThat(api.get("/api/v1/tickets/" + before)
                            .json()
                            .get("subject")
                            .asString())
                    .isEqualTo("Filed before the outage");
            assertThat(api.post(
                                    "/api/v1/tickets",
                                    Map.of(
                                            "subject",
                                            "Filed after",
                                            "body",
                                            "Works again",
                                            "requester",
                                            Map.of("email", "ada@example.com")))
                            .status())
                    .isEqualTo(201);
            assertThat(browser.get("/tickets", "text/html").status())
                    .as("the session lives on in the database")
                    .isEqualTo(200);
        }
    }

    private static ApiClient signIn(int port) {
        var browser = ApiClient.anonymous(port).withCookies();
        String csrf = ApiClient.csrfToken(browser.get("/login", "text/html").body());
        var signedIn = browser.postForm("/login", Map.of("username", "olive", "password", PASSWORD, "_csrf", csrf));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        return browser;
    }

    private static void waitUntil(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
