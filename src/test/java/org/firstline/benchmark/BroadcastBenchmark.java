package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.createToken;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * One public incident update to 10,000 linked tickets from 7,000 requesters: the time to post it (notices written),
 * the time until every mail is in the outbox, and that the outbox holds exactly one mail per requester.
 */
public final class BroadcastBenchmark {
    public static void main(String[] args) throws Exception {
        int tickets = Integer.parseInt(option(args, "--tickets", "10000"));
        int requesters = Integer.parseInt(option(args, "--requesters", "7000"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-broadcast");
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
                    "--firstline.triage.background=false",
                    "--firstline.incident.interval=PT0.2S");
            try (var first = AppProcess.start(jar, 18093, work.resolve("a"), external, work.resolve("first.log"))) {
                // migrations only
            }
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                load(c, requesters, tickets);
            }
            String password = Files.readString(work.resolve("a").resolve("initial-admin-password"))
                    .strip();
            try (var a = AppProcess.start(jar, 18093, work.resolve("a"), external, work.resolve("a.log"));
                    var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                String base = "http://localhost:" + a.port;
                String token = createToken(a.port, password);
                String declared = post(base + "/api/v1/incidents", token, "{\"title\":\"Uploads fail\"}");
                long id = Long.parseLong(declared.replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
                long linkStart = System.nanoTime();
                post(base + "/api/v1/incidents/" + id + "/tickets", token, "{\"ticketIds\":" + ids(c) + "}");
                line(out, "Linked %,d tickets in one request: %.2f s", tickets, (System.nanoTime() - linkStart) / 1e9);
                long start = System.nanoTime();
                post(base + "/api/v1/incidents/" + id + "/updates", token, "{\"body\":\"We are on it.\"}");
                double posted = (System.nanoTime() - start) / 1e9;
                long waiting;
                do {
                    Thread.sleep(50);
                    waiting = count(c, "select count(*) from incident_notice where queued_at is null");
                } while (waiting > 0);
                double queued = (System.nanoTime() - start) / 1e9;
                long mails = count(c, "select count(*) from outbound_email where kind = 'INCIDENT_UPDATE'");
                long distinct = count(
                        c,
                        "select count(distinct lower(recipients[1])) from outbound_email where kind = 'INCIDENT_UPDATE'");
                line(
                        out,
                        "Posted one public update (notices for %,d requesters written in its transaction): %.2f s",
                        requesters,
                        posted);
                line(out, "All mails in the outbox after: %.2f s (%.0f mails/s)", queued, mails / queued);
                line(
                        out,
                        "Outbox: %,d mails, %,d distinct addresses, %,d requesters: %s",
                        mails,
                        distinct,
                        requesters,
                        mails == distinct && distinct == requesters ? "exactly once" : "MISMATCH");
            }
        }
        System.out.println("\n==== results ====\n" + out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void load(Connection c, int requesters, int tickets) throws Exception {
        try (var s = c.createStatement()) {
            s.execute("""
                    with c as (insert into contact (name, created_at)
                               select 'r' || g, now() from generate_series(0, %d - 1) g returning id, name)
                    insert into contact_email (email, contact_id) select c.name || '@bench.test', c.id from c""".formatted(requesters));
            s.execute("""
                    insert into ticket (subject, requester_id, channel, type, priority, impact, status, created_at, updated_at)
                    select 'ticket ' || g, e.contact_id, 'EMAIL', 'QUESTION', 'NORMAL', 'MINOR', 'OPEN',
                           now() - make_interval(secs => %d - g), now()
                    from generate_series(0, %d - 1) g join contact_email e on e.email = 'r' || (g %% %d) || '@bench.test'""".formatted(tickets, tickets, requesters));
        }
    }

    private static String ids(Connection c) throws Exception {
        try (var s = c.createStatement();
                var rs = s.executeQuery("select coalesce(json_agg(id order by id), '[]') from ticket")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String post(String url, String token, String json) throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) throw new IllegalStateException(url + ": " + response.body());
        return response.body();
    }
}
