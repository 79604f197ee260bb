package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.deleteRecursively;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Alert intake: Firstline from its jar on its own PostgreSQL; C clients (8) post N Alertmanager webhooks (20,000) over
 * K group keys (2,000) as fast as they are answered, each a group of three alerts by fingerprint with the source's
 * token. Every tenth post of a key resolves the group, so the next one opens a new alert: mostly resends (one upsert
 * and one parts upsert each), some openings (with their RAISED record) and resolutions. Reports posts per second,
 * p50/p95/p99 per post, and checks the dedup afterwards: one open alert per key at most, receipts adding up to the
 * posts. Target: at least 1,000 posts/s.
 *
 * <p>Arguments: {@code --posts N} (20,000), {@code --keys K} (2,000), {@code --clients C} (8).
 */
public final class AlertsBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int posts = Integer.parseInt(option(args, "--posts", "20000"));
        int keys = Integer.parseInt(option(args, "--keys", "2000"));
        int clients = Integer.parseInt(option(args, "--clients", "8"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-alerts");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        line(
                out,
                "Alerts suite on %d cores, load average %s, %,d posts over %,d group keys, %d clients",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(),
                posts,
                keys,
                clients);
        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external = List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--firstline.demo-data=false");
            try (var app = AppProcess.start(jar, 18095, work.resolve("app"), external, work.resolve("app.log"))) {
                String password = Files.readString(work.resolve("app/initial-admin-password"))
                        .strip();
                String admin = Benchmark.createToken(app.port, password);
                String team = send(app.port, admin, "/api/v1/teams", "{\"name\":\"Operations\",\"description\":\"\"}");
                long teamId = id(team);
                String source = send(
                        app.port,
                        admin,
                        "/api/v1/alert-sources",
                        "{\"name\":\"Prometheus\",\"kind\":\"ALERTMANAGER\",\"teamId\":" + teamId + "}");
                var m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(source);
                if (!m.find()) throw new IllegalStateException(source);
                String token = m.group(1);
                // warm-up on other keys: the JIT, the pool, PostgreSQL's caches; not counted
                run(
                        app.port,
                        token,
                        "warm",
                        Math.min(posts / 5, 4000),
                        Math.min(keys, 400),
                        clients,
                        new StringBuilder());
                Path pgData = work.resolve("pg");
                double app0 = CpuTime.ofProcess(app.pid());
                double pg0 = CpuTime.ofPostgres(pgData);
                double me0 = CpuTime.ofProcess(ProcessHandle.current().pid());
                run(app.port, token, "group", posts, keys, clients, out);
                line(
                        out,
                        "  CPU per post: Firstline %.2f ms, PostgreSQL %.2f ms, the clients %.2f ms",
                        (CpuTime.ofProcess(app.pid()) - app0) * 1000 / posts,
                        (CpuTime.ofPostgres(pgData) - pg0) * 1000 / posts,
                        (CpuTime.ofProcess(ProcessHandle.current().pid()) - me0) * 1000 / posts);
                // the HTTP path without the database: the same posts refused for their version (400)
                int refused = Math.min(posts, 5000);
                double app1 = CpuTime.ofProcess(app.pid());
                run(app.port, token, "refused", refused, keys, clients, out);
                line(out, "  (refused: version \"5\", answered 400 before any SQL: the HTTP path alone)");
                line(
                        out,
                        "  CPU per refused post: Firstline %.2f ms",
                        (CpuTime.ofProcess(app.pid()) - app1) * 1000 / refused);
                line(
                        out,
                        "  load average after: %s",
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
            check(jdbcUrl, posts, keys, out);
        }
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void run(int port, String token, String prefix, int posts, int keys, int clients, StringBuilder out)
            throws Exception {
        var latencies = new Latencies();
        var next = new AtomicInteger();
        var failures = new AtomicLong();
        long started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < posts) {
                        int key = i % keys;
                        int round = i / keys;
                        boolean resolve = round % 10 == 9;
                        String body = payload(prefix + "-" + key, resolve);
                        if (prefix.equals("refused")) body = body.replace("\"version\":\"4\"", "\"version\":\"5\"");
                        long t = System.nanoTime();
                        var response = HTTP.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + port + "/api/v1/hooks/alertmanager"))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t);
                        if (response.statusCode() != (prefix.equals("refused") ? 400 : 200)) failures.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        line(out, "Alertmanager posts (%s), %d clients back to back: %,d in %.1f s", prefix, clients, posts, seconds);
        line(out, "  rate: %.0f posts/s (target >= 1,000/s)", posts / seconds);
        line(out, "  per post: %s", latencies.summary());
        line(out, "  failed posts: %d", failures.get());
    }

    private static String payload(String groupKey, boolean resolved) {
        String status = resolved ? "resolved" : "firing";
        var alerts = new StringBuilder();
        for (int a = 0; a < 3; a++) {
            if (a > 0) alerts.append(',');
            alerts.append("{\"status\":\"")
                    .append(status)
                    .append("\",\"labels\":{\"alertname\":\"HighLatency\",\"instance\":\"web-")
                    .append(a)
                    .append(":9100\",\"job\":\"node\",\"severity\":\"warning\",\"group\":\"")
                    .append(groupKey)
                    .append("\"},\"annotations\":{\"summary\":\"p99 latency above 2 s on web-")
                    .append(a)
                    .append("\",\"runbook_url\":\"https://runbooks.example.org/latency\"},")
                    .append("\"startsAt\":\"2026-12-01T09:00:00.000Z\",\"endsAt\":\"")
                    .append(resolved ? "2026-12-01T09:30:00.000Z" : "0001-01-01T00:00:00Z")
                    .append("\",\"generatorURL\":\"http://prometheus.example.org:9090/graph\",\"fingerprint\":\"")
                    .append(Integer.toHexString((groupKey + a).hashCode()))
                    .append("\"}");
        }
        return "{\"receiver\":\"firstline\",\"status\":\"" + status + "\",\"alerts\":[" + alerts
                + "],\"groupLabels\":{\"alertname\":\"HighLatency\"},\"commonLabels\":{\"alertname\":\"HighLatency\","
                + "\"job\":\"node\",\"severity\":\"warning\"},\"commonAnnotations\":{\"runbook_url\":"
                + "\"https://runbooks.example.org/latency\"},\"externalURL\":\"http://alertmanager.example.org:9093\","
                + "\"version\":\"4\",\"groupKey\":\"{}:{group=\\\"" + groupKey + "\\\"}\",\"truncatedAlerts\":0}";
    }

    private static void check(String jdbcUrl, int posts, int keys, StringBuilder out) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var rs = c.createStatement().executeQuery("""
                        select count(*) filter (where status <> 'RESOLVED'),
                               count(*),
                               count(distinct dedup_key),
                               coalesce(sum(receipts), 0),
                               (select count(*) from alert_part p join alert a on a.id = p.alert_id
                                where a.dedup_key like '%group-%'),
                               (select count(*) from alert_event e join alert a on a.id = e.alert_id
                                where a.dedup_key like '%group-%' and e.kind = 'RAISED')
                        from alert where dedup_key like '%group-%'""")) {
            rs.next();
            line(
                    out,
                    "Dedup: %,d keys posted, %,d distinct keys stored, %,d alerts (%,d open), %,d RAISED records, %,d parts;"
                            + " receipts %,d of %,d posts",
                    keys,
                    rs.getLong(3),
                    rs.getLong(2),
                    rs.getLong(1),
                    rs.getLong(6),
                    rs.getLong(5),
                    rs.getLong(4),
                    posts);
        }
    }

    /** POSTs JSON with a bearer token; anything but a 2xx stops the benchmark. */
    static String send(int port, String token, String path, String json) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) throw new IllegalStateException(path + " " + response.body());
        return response.body();
    }

    /** The first "id" in a JSON answer. */
    static long id(String json) {
        var m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) throw new IllegalStateException(json);
        return Long.parseLong(m.group(1));
    }
}
