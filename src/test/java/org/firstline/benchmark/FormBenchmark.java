package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.deleteRecursively;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Keyword suggestions while typing: Firstline from its jar on its own PostgreSQL with 100 deflection rules; N people
 * type a request at once, each asking for suggestions every 250 ms (the form's pause) with the text typed so far.
 * Reports the server's own matching time (its Server-Timing header) and the whole request as the client on the same
 * machine sees it. Run it with {@code bench/run --suite form}; see BENCHMARKS.md.
 */
public final class FormBenchmark {
    private static final String TEXT = "Hello, since this morning our customers cannot reach shop.example.org. The DNS "
            + "lookups time out from our office and from home, and the name server of our provider answers nothing. "
            + "We changed nothing on our side; the certificate was renewed last week and the load balancer reports "
            + "healthy backends. Could you check whether the records we set up with you are still published? Our "
            + "deploys also fail at the step that uploads assets, the error says connection refused. Thanks, Ada";

    public static void main(String[] args) throws Exception {
        int typists = Integer.parseInt(option(args, "--typists", "20"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-form");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external = List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--firstline.demo-data=false");
            try (var migrate = AppProcess.start(jar, 18093, work.resolve("app"), external, work.resolve("first.log"))) {
                // migrations only
            }
            insertRules(jdbcUrl);
            try (var app = AppProcess.start(jar, 18093, work.resolve("app"), external, work.resolve("app.log"))) {
                // a first round warms the JIT and the connection pool; only the second is reported
                run(app.port, typists, Duration.ofSeconds(5), new StringBuilder());
                run(app.port, typists, Duration.ofSeconds(seconds), out);
                line(
                        out,
                        "  load average while measuring: %s",
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void insertRules(String jdbcUrl) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var insert = connection.prepareStatement("""
                        insert into deflection_rule (phrases, kind, title, url, created_at, updated_at)
                        values (?, ?, ?, ?, now(), now())""")) {
            Random random = new Random(7);
            for (int i = 0; i < 100; i++) {
                String[] phrases = i == 0
                        ? new String[] {"dns", "name server"}
                        : new String[] {"word" + i, "phrase number " + i, "term" + random.nextInt(10_000)};
                insert.setArray(1, connection.createArrayOf("text", phrases));
                insert.setString(2, i % 2 == 0 ? "TOOL" : "ARTICLE");
                insert.setString(3, "Rule " + i);
                insert.setString(4, "https://tools.example/" + i + "?q={domain}&s={subject}");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void run(int port, int typists, Duration length, StringBuilder out) throws Exception {
        var http = HttpClient.newHttpClient();
        var server = new Latencies();
        var client = new Latencies();
        long end = System.nanoTime() + length.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < typists; t++) {
                int offset = t * 37;
                pool.submit(() -> {
                    String view = UUID.randomUUID().toString();
                    int typed = 0;
                    while (System.nanoTime() < end) {
                        typed = typed >= TEXT.length() ? 1 : typed + 4 + (offset % 3);
                        String body = "view=" + view + "&email=ada%40customer.example&subject="
                                + URLEncoder.encode("Shop unreachable", StandardCharsets.UTF_8) + "&text="
                                + URLEncoder.encode(
                                        TEXT.substring(0, Math.min(typed, TEXT.length())), StandardCharsets.UTF_8);
                        long started = System.nanoTime();
                        var response = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/request/suggestions"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        if (response.statusCode() != 200) throw new IllegalStateException(response.body());
                        client.add(took);
                        String timing =
                                response.headers().firstValue("Server-Timing").orElseThrow();
                        server.add((long) (Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)) * 1e6));
                        long pause = 250 * 1_000_000L - took;
                        if (pause > 0) Thread.sleep(Duration.ofNanos(pause));
                    }
                    return null;
                });
            }
        }
        line(
                out,
                "Keyword suggestions, 100 rules, %d people typing (one request per 250 ms each), %d s",
                typists,
                length.toSeconds());
        line(out, "  server matching time (Server-Timing): %s", server.summary());
        line(out, "  whole request on loopback (client):   %s", client.summary());
        line(out, "  target: p95 < 20 ms server time");
    }
}
