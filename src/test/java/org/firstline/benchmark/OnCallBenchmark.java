package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.deleteRecursively;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * On call, from the jar, two nodes on one PostgreSQL, people paged by webhook to a receiver in this process:
 *
 * <ol>
 *   <li>Alert to first notification: N alerts (300) posted to Alertmanager's hook one every 50 ms, each paging the
 *       on-call person at once; the time from sending the post to the page arriving at the receiver, p50/p95/p99.
 *       Target p99 &lt; 2 s (GoAlert's engine cycle alone is 5 s).
 *   <li>Escalating at once: E open alerts (10,000) whose first step has been paged; all their steps run out at the
 *       same instant, and both nodes race to page second line. Lateness of each second-line page after that instant,
 *       p50/p95/p99, and exactly once: one page per escalation and step in the database and at the receiver.
 * </ol>
 *
 * <p>Arguments: {@code --alerts N} (300), {@code --escalating E} (10,000).
 */
public final class OnCallBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern KEY = Pattern.compile("(bench-[a-z]+-\\d+)");

    public static void main(String[] args) throws Exception {
        int alerts = Integer.parseInt(option(args, "--alerts", "300"));
        int escalating = Integer.parseInt(option(args, "--escalating", "10000"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-oncall");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        line(
                out,
                "On-call suite on %d cores, load average %s; %,d alerts for first-notification latency, %,d escalating at once",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(),
                alerts,
                escalating);
        // every page the nodes send, by alert key and kind of page ("page" first, then "page" again for step 2)
        Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var m = KEY.matcher(body);
            if (m.find()) {
                String key = exchange.getRequestURI().getPath() + " " + m.group(1);
                firstArrival.putIfAbsent(key, now);
                arrivals.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external = List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--firstline.demo-data=false",
                    "--firstline.secret-key=" + Base64.getEncoder().encodeToString(key),
                    "--firstline.outbound.allowed-hosts=127.0.0.1",
                    "--firstline.triage.background=false");
            try (var a = AppProcess.start(jar, 18097, work.resolve("a"), external, work.resolve("a.log"));
                    var b = AppProcess.start(jar, 18098, work.resolve("b"), external, work.resolve("b.log"))) {
                String password = Files.readString(work.resolve("a/initial-admin-password"))
                        .strip();
                String admin = Benchmark.createToken(a.port, password);
                long team = AlertsBenchmark.id(AlertsBenchmark.send(
                        a.port, admin, "/api/v1/teams", "{\"name\":\"Operations\",\"description\":\"\"}"));
                long first = person(a.port, admin, "oncall", hook + "/first");
                long second = person(a.port, admin, "second", hook + "/second");
                long policy = AlertsBenchmark.id(AlertsBenchmark.send(
                        a.port,
                        admin,
                        "/api/v1/escalation-policies",
                        "{\"name\":\"Nights\",\"repeatCount\":0,\"steps\":[{\"delayMinutes\":60,\"targets\":[{\"kind\":\"AGENT\",\"agentId\":"
                                + first + "}]},{\"delayMinutes\":60,\"targets\":[{\"kind\":\"AGENT\",\"agentId\":"
                                + second
                                + "}]}]}"));
                String source = AlertsBenchmark.send(
                        a.port,
                        admin,
                        "/api/v1/alert-sources",
                        "{\"name\":\"Prometheus\",\"kind\":\"ALERTMANAGER\",\"teamId\":" + team
                                + ",\"escalationPolicyId\":" + policy + "}");
                var m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(source);
                if (!m.find()) throw new IllegalStateException(source);
                String token = m.group(1);

                // 1. alert to first notification, posts alternating between the nodes
                for (int i = 0; i < 30; i++) post(i % 2 == 0 ? a.port : b.port, token, "bench-warm-" + i);
                var latency = new Latencies();
                var sentAt = new ConcurrentHashMap<String, Long>();
                for (int i = 0; i < alerts; i++) {
                    String k = "bench-first-" + i;
                    sentAt.put(k, System.nanoTime());
                    post(i % 2 == 0 ? a.port : b.port, token, k);
                    Thread.sleep(50);
                }
                waitFor(() -> sentAt.keySet().stream().allMatch(k -> firstArrival.containsKey("/first " + k)), 60);
                sentAt.forEach((k, t) -> latency.add(firstArrival.get("/first " + k) - t));
                line(
                        out,
                        "Alert to first notification (webhook received), %,d alerts, one every 50 ms, two nodes:",
                        alerts);
                line(out, "  %s (target p99 < 2,000 ms)", latency.summary());

                // 2. many escalating at once
                var posted = new AtomicLong();
                var next = new AtomicInteger();
                long t0 = System.nanoTime();
                try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (int c = 0; c < 8; c++) {
                        int client = c;
                        pool.submit(() -> {
                            int i;
                            while ((i = next.getAndIncrement()) < escalating) {
                                post(client % 2 == 0 ? a.port : b.port, token, "bench-many-" + i);
                                posted.incrementAndGet();
                            }
                            return null;
                        });
                    }
                }
                line(out, "Opened %,d alerts in %.1f s", posted.get(), (System.nanoTime() - t0) / 1e9);
                waitFor(() -> count(arrivals, "/first bench-many-") >= escalating, 600);
                line(
                        out,
                        "  all %,d first pages arrived %.1f s after the first post",
                        escalating,
                        (System.nanoTime() - t0) / 1e9);
                long forcedAt;
                try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    // their hour is up at once: both nodes race to page second line
                    c.createStatement().executeUpdate("""
                            update escalation set next_step_at = clock_timestamp() where status = 'ACTIVE' and step_position = 0
                              and summary like '%bench-many-%'""");
                    forcedAt = System.nanoTime();
                }
                waitFor(() -> count(arrivals, "/second bench-many-") >= escalating, 600);
                line(
                        out,
                        "  all %,d second-line pages arrived %.1f s after their steps ran out",
                        escalating,
                        (System.nanoTime() - forcedAt) / 1e9);
                var late = new Latencies();
                firstArrival.forEach((k, t) -> {
                    if (k.startsWith("/second bench-many-")) late.add(t - forcedAt);
                });
                line(out, "  lateness of second-line pages at the receiver: %s", late.summary());
                long twice = arrivals.entrySet().stream()
                        .filter(e -> e.getValue().get() > 1)
                        .count();
                line(
                        out,
                        "  webhook deliveries: %,d first, %,d second line; keys delivered more than once: %d",
                        count(arrivals, "/first bench-many-"),
                        count(arrivals, "/second bench-many-"),
                        twice);
                try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                        var rs = c.createStatement().executeQuery("""
                                select (select count(*) from (select escalation_id, step_position from page where status = 'SENT'
                                        group by 1, 2 having count(*) > 1) d),
                                       (select count(*) from page where status = 'SENT'),
                                       (select count(*) from page where status <> 'SENT')""")) {
                    rs.next();
                    line(
                            out,
                            "  pages in the database: %,d sent, %,d not sent, steps paged twice: %d",
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getLong(1));
                }
                line(
                        out,
                        "  load average after: %s",
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        } finally {
            receiver.stop(0);
        }
        System.out.print(out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static long count(Map<String, AtomicInteger> arrivals, String prefix) {
        return arrivals.keySet().stream().filter(k -> k.startsWith(prefix)).count();
    }

    private static long person(int port, String admin, String name, String url) throws Exception {
        long id = AlertsBenchmark.id(
                AlertsBenchmark.send(
                        port,
                        admin,
                        "/api/v1/agents",
                        "{\"username\":\"" + name + "\",\"displayName\":\"" + name + "\",\"email\":\"" + name
                                + "@bench.test\",\"role\":\"AGENT\",\"timeZone\":\"UTC\",\"password\":\"correct horse battery staple\"}"));
        AlertsBenchmark.send(
                port,
                admin,
                "/api/v1/people/" + id + "/contact-methods",
                "{\"kind\":\"WEBHOOK\",\"url\":\"" + url + "\"}");
        return id;
    }

    private static void post(int port, String token, String key) throws Exception {
        String body = "{\"receiver\":\"firstline\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":"
                + "{\"alertname\":\"" + key + "\",\"severity\":\"critical\"},\"annotations\":{\"summary\":\"" + key
                + " is down\"},\"startsAt\":\"2026-12-01T03:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\",\"fingerprint\":\""
                + Integer.toHexString(key.hashCode()) + "\"}],\"groupLabels\":{\"alertname\":\"" + key + "\"},"
                + "\"commonLabels\":{\"alertname\":\"" + key + "\",\"severity\":\"critical\"},\"commonAnnotations\":{},"
                + "\"externalURL\":\"http://alertmanager.example.org\",\"version\":\"4\",\"groupKey\":\"{}:{alertname=\\\""
                + key
                + "\\\"}\",\"truncatedAlerts\":0}";
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/hooks/alertmanager"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(response.body());
    }

    private static void waitFor(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new IllegalStateException("not done within " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
