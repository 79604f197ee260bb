package org.firstline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public status page under load, from its jar, on a PostgreSQL the benchmark owns and stops half-way: the page
 * (HTML) and summary.json at a fixed rate (open loop: each request's time counts from when it was due, so a stall
 * shows), first with the database up, then with it stopped. The figures should not differ: the page answers from
 * memory.
 *
 * <p>Arguments: {@code --rate R} requests per second (500), {@code --seconds S} per measurement (15).
 */
public final class StatusBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(Benchmark.option(args, "--rate", "500"));
        int seconds = Integer.parseInt(Benchmark.option(args, "--seconds", "15"));
        Path jar = Path.of(Benchmark.option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Files.createTempDirectory("firstline-status");
        int port = freePort();
        System.out.printf(
                "Status suite on %d cores, load average %s, %d requests/s for %d s per measurement%n",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(),
                rate,
                seconds);
        var postgres = postgres(work, 0);
        int databasePort = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (var app = AppProcess.start(
                jar,
                port,
                work.resolve("app"),
                List.of(
                        "--firstline.demo-data=false",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres"),
                work.resolve("app.log"))) {
            seed(port, work, url);
            measure(port, "/status", rate, 10, "warm-up");
            measure(port, "/status/summary.json", rate, 10, "warm-up");
            String[] up = {
                measure(port, "/status", rate, seconds, "database up"),
                measure(port, "/status/summary.json", rate, seconds, "database up")
            };
            postgres.close();
            System.out.println("PostgreSQL stopped");
            String[] down = {
                measure(port, "/status", rate, seconds, "database stopped"),
                measure(port, "/status/summary.json", rate, seconds, "database stopped")
            };
            var again = postgres(work, databasePort);
            long restarted = System.nanoTime();
            while (get(port, "/actuator/health/readiness").statusCode() != 200) Thread.sleep(100);
            System.out.printf(
                    "PostgreSQL started again; ready after %d ms%n", (System.nanoTime() - restarted) / 1_000_000);
            again.close();
            System.out.println();
            System.out.println("| Path | Database | Rate | Result |");
            System.out.println("|---|---|---|---|");
            for (String line : up) System.out.println(line);
            for (String line : down) System.out.println(line);
        }
    }

    /** Sends {@code rate} requests a second for the given time, each on its own virtual thread at its due time. */
    static String measure(int port, String path, int rate, int seconds, String label) throws Exception {
        var latencies = new Latencies();
        var failures = new AtomicInteger();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        long intervalNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        long start = System.nanoTime() + 50_000_000L;
        List<Thread> threads = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            threads.add(Thread.ofVirtual().start(() -> {
                long wait = due - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                try {
                    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) failures.incrementAndGet();
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                latencies.add(System.nanoTime() - due);
            }));
        }
        for (Thread t : threads) t.join();
        String summary = latencies.summary() + ", " + failures.get() + " not 200";
        System.out.printf("%-22s %-17s %s%n", path, label, summary);
        return "| " + path + " | " + label + " | " + rate + "/s | " + summary + " |";
    }

    /** A page with something on it: grouped components, an open incident with updates, a resolved one, maintenance. */
    private static void seed(int port, Path work, String url) throws Exception {
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("admin:"
                                        + Files.readString(work.resolve("app/initial-admin-password"))
                                                .strip())
                                .getBytes(StandardCharsets.UTF_8));
        try (var connection = DriverManager.getConnection(url, "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("""
                    insert into incident (title, status, impact, public, declared_at, updated_at)
                    values ('Deploys are slow', 'MONITORING', 'MINOR', true, now() - interval '1 hour', now());
                    insert into incident_update (incident_id, status, body, public, posted_at)
                    select i.id, s, b, true, now() - (n || ' minutes')::interval
                    from incident i, (values ('INVESTIGATING', 'We are **looking** into slow deploys.', 50),
                                             ('IDENTIFIED', 'A build cache node is overloaded.', 30),
                                             ('MONITORING', 'Moved to a new node; watching.', 5)) u(s, b, n)
                    where i.title = 'Deploys are slow';
                    insert into incident (title, status, impact, public, declared_at, updated_at, resolved_at)
                    values ('Login errors', 'RESOLVED', 'MAJOR', true, now() - interval '3 days', now() - interval '3 days',
                            now() - interval '3 days');
                    """);
        }
        String[][] components = {
            {"API", "Core"}, {"Dashboard", "Core"}, {"Deploys", "Core"}, {"Builds", "Platform"},
            {"Databases", "Platform"}, {"Logs", "Platform"}, {"Billing", ""}, {"Support", ""}
        };
        for (int i = 0; i < components.length; i++) {
            send(port, auth, "/api/v1/components", """
                    {"name": "%s", "group": "%s", "position": %d, "description": "The %s"}""".formatted(
                            components[i][0], components[i][1], i, components[i][0]));
        }
        send(port, auth, "/api/v1/maintenances", """
                {"title": "Database upgrade", "body": "Read-only for **ten minutes**.",
                 "scheduledFor": "2030-01-01T10:00:00Z", "scheduledUntil": "2030-01-01T11:00:00Z"}""");
        while (!new String(get(port, "/status").body(), StandardCharsets.UTF_8).contains("Database upgrade")) {
            Thread.sleep(100);
        }
    }

    private static void send(int port, String auth, String path, String json) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) throw new IllegalStateException(path + ": " + response.body());
    }

    private static HttpResponse<byte[]> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static EmbeddedPostgres postgres(Path work, int port) throws java.io.IOException {
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60));
        if (port > 0) builder.setPort(port);
        return builder.start();
    }

    private static int freePort() throws java.io.IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
