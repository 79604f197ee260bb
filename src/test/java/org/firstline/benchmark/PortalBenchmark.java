package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.deleteRecursively;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * The customer portal's ticket list with 10,000 tickets per organization (and as many in each of nine other
 * organizations): a representative who sees all of their organization's, a requester who sees their own 100, and a
 * contact of two organizations. Closed loop, one request at a time, after a warm-up; reports the whole request on
 * loopback. Run it with {@code bench/run --suite portal}; see BENCHMARKS.md.
 */
public final class PortalBenchmark {
    private static final int ORGANIZATIONS = 10;

    public static void main(String[] args) throws Exception {
        int perOrganization = Integer.parseInt(option(args, "--tickets", "10000"));
        int requests = Integer.parseInt(option(args, "--requests", "2000"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-portal");
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
            try (var migrate = AppProcess.start(jar, 18094, work.resolve("app"), external, work.resolve("first.log"))) {
                // migrations only
            }
            long started = System.nanoTime();
            load(jdbcUrl, perOrganization);
            line(
                    out,
                    "Portal ticket list: %d organizations x %,d tickets (loaded in %.1f s)",
                    ORGANIZATIONS,
                    perOrganization,
                    (System.nanoTime() - started) / 1e9);
            try (var app = AppProcess.start(jar, 18094, work.resolve("app"), external, work.resolve("app.log"))) {
                var http = HttpClient.newHttpClient();
                for (String who : List.of("representative", "requester", "two-organizations")) {
                    measure(http, app.port, who, "/portal", requests / 10, new StringBuilder());
                    measure(http, app.port, who, "/portal", requests, out);
                    measure(http, app.port, who, "/api/portal/v1/tickets?show=ALL", requests, out);
                }
                measure(http, app.port, "representative", "/portal?show=ALL&page=", requests, out);
                line(out, "  target: p95 < 30 ms for the list at 10,000 tickets per organization");
                line(
                        out,
                        "  load average while measuring: %s",
                        Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        System.out.print(out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    /** Organizations, their people, tickets and one portal session per person (the cookie value is its name). */
    private static void load(String jdbcUrl, int perOrganization) throws Exception {
        try (var connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var st = connection.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("""
                    insert into organization (name, created_at)
                    select 'Organization ' || g, now() from generate_series(1, %d) g""".formatted(ORGANIZATIONS));
            st.execute("""
                    insert into contact (name, created_at)
                    select 'Contact ' || g, now() from generate_series(1, 2000) g""");
            st.execute("""
                    insert into contact_email (email, contact_id)
                    select 'contact' || c.id || '@customer.example', c.id from contact c""");
            // contacts 1..3 are the measured people: a representative of organization 1, a requester in it, and a
            // contact of organizations 1 and 2; the others spread over all organizations
            st.execute("""
                    insert into contact_organization (contact_id, organization_id, representative)
                    select c.id, (select min(id) from organization) + (c.id %% %d), c.id = 1 from contact c
                    where c.id > 3 or c.id = 1""".formatted(ORGANIZATIONS));
            st.execute("""
                    insert into contact_organization (contact_id, organization_id, representative)
                    select 2, min(id), false from organization
                    union all select 3, min(id), false from organization
                    union all select 3, min(id) + 1, false from organization""");
            st.execute("""
                    insert into ticket (subject, requester_id, organization_id, channel, type, priority, impact, status,
                                        pending_reason, created_at, updated_at)
                    select 'Request number ' || g || ' about the ' || (array['build', 'deploy', 'login', 'quota'])[1 + g %% 4],
                           case when g %% 100 = 0 and o.n = 1 then 2 when g %% 200 = 0 and o.n <= 2 then 3
                                else 4 + (g %% 1990) end,
                           o.id, 'EMAIL', 'QUESTION', 'NORMAL', 'NONE',
                           (array['CLOSED', 'CLOSED', 'CLOSED', 'OPEN', 'PENDING', 'RESOLVED', 'NEW'])[1 + g %% 7],
                           case when g %% 7 = 4 then 'CUSTOMER' end,
                           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
                    from (select id, row_number() over (order by id) as n from organization) o,
                         generate_series(1, %d) g""".formatted(perOrganization));
            st.execute("analyze");
            try (var session = connection.prepareStatement("""
                    insert into portal_session (token_hash, contact_id, created_at, last_seen_at, expires_at)
                    values (?, ?, now(), now(), now() + interval '1 day')""")) {
                String[] people = {"representative", "requester", "two-organizations"};
                for (int i = 0; i < people.length; i++) {
                    session.setString(1, sha256(people[i]));
                    session.setLong(2, i + 1);
                    session.addBatch();
                }
                session.executeBatch();
            }
        }
    }

    private static void measure(HttpClient http, int port, String who, String path, int requests, StringBuilder out)
            throws Exception {
        var latencies = new Latencies();
        var random = new Random(11);
        int rows = 0;
        for (int i = 0; i < requests; i++) {
            String url = path.endsWith("page=") ? path + (1 + random.nextInt(40)) : path;
            long started = System.nanoTime();
            var response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                            .header("Cookie", "FIRSTLINE_PORTAL=" + who)
                            .header("Accept", url.startsWith("/api/") ? "application/json" : "text/html")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            latencies.add(System.nanoTime() - started);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " as " + who + ": " + response.statusCode());
            }
            if (i == 0) rows = countRows(response.body());
        }
        line(out, "  %-18s %-34s %d rows/page  %s", who, path, rows, latencies.summary());
    }

    private static int countRows(String body) {
        int count = 0;
        for (int at = body.indexOf("\"number\":"); at >= 0; at = body.indexOf("\"number\":", at + 1)) count++;
        for (int at = body.indexOf("data-number="); at >= 0; at = body.indexOf("data-number=", at + 1)) count++;
        return count;
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
