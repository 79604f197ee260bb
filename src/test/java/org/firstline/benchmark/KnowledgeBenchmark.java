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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Knowledge base search: Firstline from its jar on its own PostgreSQL with N articles of help-centre text (10,000 by
 * default), searched over the API ({@code GET /api/v1/articles?q=…}, first page of 20 with snippets) by a few clients
 * at once with a mix of queries: one word, two words, a phrase, a rare word, and a word no article has. Reports
 * p50/p95/p99 per kind and overall, as the client on the same machine sees them. Target: p95 under 50 ms.
 *
 * <p>Arguments: {@code --articles N} (10,000), {@code --clients C} (4), {@code --seconds S} per measurement (30).
 */
public final class KnowledgeBenchmark {
    private static final Map<String, List<String>> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("one word", List.of("password", "invoice", "webhook", "settings", "export", "browser"));
        QUERIES.put(
                "two words",
                List.of(
                        "reset password",
                        "custom domain",
                        "api token",
                        "billing address",
                        "restore backup",
                        "slack channel"));
        QUERIES.put(
                "phrase",
                List.of(
                        "\"account settings\"",
                        "\"sign out\"",
                        "\"private window\"",
                        "\"whole workspace\"",
                        "\"business hours\""));
        QUERIES.put("rare word", List.of("quillbridge", "marrowfin", "tessaract", "brindlepost", "vexholm"));
        QUERIES.put("no hit", List.of("zyxwvut", "flurbogast", "qqqjjj"));
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(option(args, "--articles", "10000"));
        int clients = Integer.parseInt(option(args, "--clients", "4"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-kb");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        line(
                out,
                "Knowledge base suite on %d cores, load average %s, %,d articles, %d clients",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip(),
                articles,
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
            try (var migrate = AppProcess.start(jar, 18094, work.resolve("app"), external, work.resolve("first.log"))) {
                // migrations and the admin only
            }
            long loadStarted = System.nanoTime();
            load(jdbcUrl, articles, out);
            line(
                    out,
                    "  loaded in %.1f s (with the search document and its GIN index)",
                    (System.nanoTime() - loadStarted) / 1e9);
            try (var app = AppProcess.start(jar, 18094, work.resolve("app"), external, work.resolve("app.log"))) {
                String password = Files.readString(work.resolve("app/initial-admin-password"))
                        .strip();
                String token = Benchmark.createToken(app.port, password);
                hits(app.port, token, out);
                // a first round warms the JIT, the pool and PostgreSQL's caches; only the second is reported
                run(app.port, token, clients, Duration.ofSeconds(Math.min(10, seconds)), new StringBuilder());
                run(app.port, token, clients, Duration.ofSeconds(seconds), out);
                line(
                        out,
                        "  load average while measuring: %s",
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void load(String jdbcUrl, int count, StringBuilder out) throws Exception {
        var corpus = new ArticleCorpus();
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.setAutoCommit(false);
            long author;
            try (var rs = c.createStatement().executeQuery("select id from agent where username = 'admin'")) {
                rs.next();
                author = rs.getLong(1);
            }
            try (var insert = c.prepareStatement("""
                    insert into kb_article (slug, title, body, visibility, category_id, author_id, updated_by_id,
                                            created_at, updated_at)
                    values (?, ?, ?, ?, null, ?, ?, now() - make_interval(mins => ?), now() - make_interval(mins => ?))""")) {
                for (int i = 0; i < count; i++) {
                    var a = corpus.next(i);
                    insert.setString(1, "article-" + i);
                    insert.setString(2, a.title());
                    insert.setString(3, a.body());
                    insert.setString(4, a.internal() ? "INTERNAL" : "PUBLIC");
                    insert.setLong(5, author);
                    insert.setLong(6, author);
                    insert.setInt(7, count - i);
                    insert.setInt(8, count - i);
                    insert.addBatch();
                    if (i % 500 == 499) insert.executeBatch();
                }
                insert.executeBatch();
            }
            c.createStatement().execute("""
                    insert into kb_article_version (article_id, version, title, body, visibility, category_id,
                                                    edited_by_id, edited_at)
                    select id, version, title, body, visibility, category_id, updated_by_id, updated_at from kb_article""");
            c.commit();
            c.setAutoCommit(true);
            c.createStatement().execute("vacuum analyze kb_article");
            try (var rs = c.createStatement().executeQuery("""
                    select pg_size_pretty(pg_total_relation_size('kb_article')),
                           pg_size_pretty(pg_relation_size('kb_article_search')),
                           avg(length(body))::int from kb_article""")) {
                rs.next();
                line(
                        out,
                        "  articles table %s (GIN index %s), bodies %d characters on average",
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3));
            }
        }
    }

    /** How many articles each query matches, so the figures can be read against the work. */
    private static void hits(int port, String token, StringBuilder out) throws Exception {
        for (var kind : QUERIES.entrySet()) {
            var counts = new ArrayList<String>();
            for (String q : kind.getValue()) counts.add(q + " " + count(port, token, q));
            line(out, "  %s: %s", kind.getKey(), String.join(", ", counts));
        }
    }

    private static String count(int port, String token, String q) throws Exception {
        // pages of 100 until the last: the number of matches
        int total = 0;
        String cursor = null;
        do {
            String body = get(port, token, q, 100, cursor);
            total += body.split("\"slug\"", -1).length - 1;
            var m = java.util.regex.Pattern.compile("\"nextCursor\":\"([^\"]+)\"")
                    .matcher(body);
            cursor = m.find() ? m.group(1) : null;
        } while (cursor != null && total < 100_000);
        return "(" + total + ")";
    }

    private static void run(int port, String token, int clients, Duration length, StringBuilder out) throws Exception {
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        QUERIES.keySet().forEach(k -> byKind.put(k, new Latencies()));
        var all = new Latencies();
        var kinds = new ArrayList<>(QUERIES.keySet());
        long end = System.nanoTime() + length.toNanos();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < clients; t++) {
                int offset = t;
                pool.submit(() -> {
                    int n = offset;
                    while (System.nanoTime() < end) {
                        String kind = kinds.get(n % kinds.size());
                        List<String> qs = QUERIES.get(kind);
                        String q = qs.get((n / kinds.size()) % qs.size());
                        long started = System.nanoTime();
                        get(port, token, q, 20, null);
                        long took = System.nanoTime() - started;
                        byKind.get(kind).add(took);
                        all.add(took);
                        n++;
                    }
                    return null;
                });
            }
        }
        line(
                out,
                "Search over the API, first page of 20 with snippets, %d clients back to back, %d s",
                clients,
                length.toSeconds());
        for (var e : byKind.entrySet())
            line(out, "  %-10s %s", e.getKey(), e.getValue().summary());
        line(out, "  %-10s %s", "all", all.summary());
        line(out, "  %-10s %.0f searches/s", "rate", all.count() / (double) length.toSeconds());
        line(out, "  target: p95 < 50 ms");
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String get(int port, String token, String q, int limit, String cursor) throws Exception {
        String url = "http://localhost:" + port + "/api/v1/articles?limit=" + limit + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8) + (cursor == null ? "" : "&cursor=" + cursor);
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " " + response.body());
        return response.body();
    }
}
