package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.createToken;
import static org.firstline.benchmark.Benchmark.deleteRecursively;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;
import static org.firstline.benchmark.Benchmark.signedInBrowser;
import static org.firstline.benchmark.Benchmark.timed;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The triage desk at size: a realistic history of routed tickets over eight teams (see {@link TicketCorpus}) and a
 * backlog of waiting tickets. Measures the classifier's accuracy against the ownership map alone on the newest
 * tickets it did not learn from, the time to compute one ticket's suggestions over HTTP, and the desk's first page
 * with the whole backlog waiting. Run it with {@code bench/run --suite triage}; see BENCHMARKS.md.
 */
public final class TriageBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int ORGANIZATIONS = 20;
    private static final int CONTACTS = 2_000;

    public static void main(String[] args) throws Exception {
        int waiting = Integer.parseInt(option(args, "--waiting", "50000"));
        int history = Integer.parseInt(option(args, "--history", "5000"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-triage");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_connections", "100")
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external = List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--firstline.triage.background=false");
            try (var first =
                    AppProcess.start(jar, 18081, work.resolve("app"), external, work.resolve("app-first.log"))) {
                // migrations only
            }
            long loadStart = System.nanoTime();
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                load(c, history, waiting);
            }
            line(
                    out,
                    "Loaded %,d routed tickets over %d teams and %,d waiting tickets in %.1f s",
                    history,
                    TicketCorpus.TEAMS.length,
                    waiting,
                    (System.nanoTime() - loadStart) / 1e9);
            String password = Files.readString(work.resolve("app").resolve("initial-admin-password"))
                    .strip();
            try (var app = AppProcess.start(jar, 18081, work.resolve("app"), external, work.resolve("app.log"))) {
                String base = "http://localhost:" + app.port;
                String token = createToken(app.port, password);
                // the backlog came in by COPY, without clocks: the SLA background starts them; measure once it has
                long backfillStart = System.nanoTime();
                try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    while (true) {
                        try (var rs = c.createStatement().executeQuery("""
                                select count(*) from ticket t where t.status in ('NEW', 'OPEN')
                                and not exists (select 1 from ticket_sla s where s.ticket_id = t.id)""")) {
                            rs.next();
                            if (rs.getLong(1) == 0) break;
                        }
                        Thread.sleep(1000);
                    }
                }
                line(
                        out,
                        "SLA clocks started for the %,d waiting tickets in the background in %.1f s",
                        waiting,
                        (System.nanoTime() - backfillStart) / 1e9);
                String report = post(base + "/api/v1/triage/classifier/train", token);
                line(
                        out,
                        "Classifier trained on %s past assignments in %s ms; on the newest %s it did not learn from (top-1): "
                                + "ownership map alone %s; naive Bayes %s alone, %s combined; linear SVM (C %s) %s alone, %s combined; "
                                + "in use: %s, weight %s against the map",
                        field(report, "examples"),
                        field(report, "durationMs"),
                        field(report, "heldOut"),
                        percent(field(report, "rulesAccuracy")),
                        percent(field(report, "naiveBayesAccuracy")),
                        percent(field(report, "naiveBayesCombinedAccuracy")),
                        field(report, "linearC"),
                        percent(field(report, "linearAccuracy")),
                        percent(field(report, "linearCombinedAccuracy")),
                        field(report, "modelInUse"),
                        field(report, "modelWeight"));
                line(
                        out,
                        "The same %,d tickets in this process, all three models with Firstline's split (70 %% teach, 10 %% tune, 20 %% measure):",
                        history);
                for (var r : RoutingModels.compare(
                        RoutingModels.synthetic(
                                TicketCorpus.generate(history + waiting, 7).subList(0, history)),
                        RoutingModels.syntheticRules())) {
                    line(out, "  %s", r.line());
                }

                long firstWaiting = history + 1;
                var random = new Random(5);
                for (int i = 0; i < 200; i++)
                    get(base + "/api/v1/tickets/" + (firstWaiting + random.nextInt(waiting)) + "/suggestions", token);
                var suggestions = new Latencies();
                for (int i = 0; i < 1000; i++) {
                    long id = firstWaiting + random.nextInt(waiting);
                    suggestions.add(timed(() -> get(base + "/api/v1/tickets/" + id + "/suggestions", token)));
                }
                line(
                        out,
                        "Suggestions for one ticket (teams, assignees, priority, similar tickets; API, over HTTP): %s",
                        suggestions.summary());
                line(
                        out,
                        "  of which computing them in Firstline (timer firstline.triage.suggestions): %s",
                        serverTime(base, token, "firstline_triage_suggestions_seconds"));

                for (String sort : new String[] {"AGE", "URGENCY"}) {
                    for (int i = 0; i < 50; i++) get(base + "/api/v1/triage/desk?limit=50&sort=" + sort, token);
                    var desk = new Latencies();
                    for (int i = 0; i < 500; i++)
                        desk.add(timed(() -> get(base + "/api/v1/triage/desk?limit=50&sort=" + sort, token)));
                    line(
                            out,
                            "Desk first page, 50 of %,d waiting, %s (API): %s",
                            waiting,
                            sort.toLowerCase(),
                            desk.summary());
                    line(
                            out,
                            "  of which reading the page in Firstline (timer firstline.triage.desk): %s",
                            serverTime(base, token, "firstline_triage_desk_seconds"));
                }
                var browser = signedInBrowser(base, password);
                var rows = new Latencies();
                for (int i = 0; i < 50; i++) html(browser, base + "/triage/rows");
                for (int i = 0; i < 500; i++) rows.add(timed(() -> html(browser, base + "/triage/rows")));
                line(out, "Desk rows as the page re-reads them (HTML fragment, signed in): %s", rows.summary());
                var page = new Latencies();
                for (int i = 0; i < 200; i++) page.add(timed(() -> html(browser, base + "/triage")));
                line(out, "Desk page (HTML, signed in): %s", page.summary());
                workQueue(out, base, token, jdbcUrl, waiting);
                line(out, "Process RSS: %,d MiB", app.rssKiB() / 1024);
            }
        }
        System.out.println("\n==== results ====\n" + out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    /** History and backlog by COPY with triggers off, then the search documents in one pass, as the desk benchmark does. */
    private static void load(Connection c, int history, int waiting) throws Exception {
        var random = new Random(11);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (var st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute("insert into support_plan (name, budget_hours, created_at) values ('Bench plan', 20, now())");
            st.execute(
                    "insert into organization (name, plan_id, created_at) select 'Org ' || g, 1, now() from generate_series(1, "
                            + ORGANIZATIONS + ") g");
            st.execute("insert into contact (name, created_at) select 'Contact ' || g, now() from generate_series(1, "
                    + CONTACTS + ") g");
            st.execute("insert into contact_organization (contact_id, organization_id) select id, 1 + id % "
                    + ORGANIZATIONS + " from contact");
            st.execute("insert into team (name, created_at) select unnest(array['"
                    + String.join("','", TicketCorpus.TEAMS) + "']), now()");
            st.execute("""
                    insert into agent (username, display_name, email, password_hash, role, created_at)
                    select 'bench' || g, 'Bench agent ' || g, 'bench' || g || '@support.example', '{noop}x', 'AGENT', now()
                    from generate_series(1, 24) g""");
            st.execute("""
                    insert into team_member (team_id, agent_id)
                    select t.id, a.id from team t join agent a on a.username like 'bench%'
                     and (substring(a.username from 6)::int - 1) % 8 = (t.id - 1) % 8""");
            for (var rule : TicketCorpus.ownershipMap()) {
                st.execute("insert into ownership_rule (team_id, kind, term, weight, created_at) values ("
                        + (rule.team() + 1) + ", '" + rule.kind() + "', '"
                        + rule.term().replace("'", "''") + "', " + rule.weight() + ", now())");
            }
        }
        var copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
        var all = TicketCorpus.generate(history + waiting, 7);
        var tickets = new StringBuilder();
        var messages = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            var t = all.get(i);
            boolean routed = i < history;
            Instant created = routed
                    ? now.minusSeconds(300L * 86400 - 300L * 86400 * i / history)
                    : now.minusSeconds(10L * 86400 * (all.size() - i) / waiting);
            int contact = 1 + random.nextInt(CONTACTS);
            tickets.append(i + 1)
                    .append('\t')
                    .append(1000 + i)
                    .append('\t')
                    .append(t.subject())
                    .append('\t')
                    .append(contact)
                    .append('\t')
                    .append(1 + contact % ORGANIZATIONS)
                    .append("\tEMAIL\tQUESTION\t")
                    .append(new String[] {"LOW", "NORMAL", "NORMAL", "HIGH", "CRITICAL"}[random.nextInt(5)])
                    .append("\tMINOR\t")
                    .append(routed ? "CLOSED" : "NEW")
                    .append('\t')
                    .append(routed ? String.valueOf(t.team() + 1) : "\\N")
                    .append('\t')
                    .append(created)
                    .append('\t')
                    .append(created)
                    .append('\n');
            messages.append(i + 1)
                    .append("\tPUBLIC\t")
                    .append(contact)
                    .append('\t')
                    .append(t.body().replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " "))
                    .append('\t')
                    .append(created)
                    .append('\n');
        }
        copy.copyIn(
                "copy ticket (id, number, subject, requester_id, organization_id, channel, type, priority, impact, status, team_id, "
                        + "created_at, updated_at) from stdin",
                new StringReader(tickets.toString()));
        copy.copyIn(
                "copy message (ticket_id, kind, author_contact_id, body, created_at) from stdin",
                new StringReader(messages.toString()));
        try (var st = c.createStatement()) {
            st.execute("""
                    insert into ticket_search (ticket_id, created_at, document)
                    select t.id, t.created_at, setweight(to_tsvector('english', t.subject), 'A') || to_tsvector('english', m.body)
                    from ticket t join message m on m.ticket_id = t.id""");
            // what the desk shows per row, as the background computes it after each arrival
            st.execute("""
                    insert into ticket_suggestion (ticket_id, team_id, team_score, matched_words, assignee_id, assignee_reason, priority,
                                                   similar_ids, computed_at)
                    select t.id, 1 + t.id % 8, 0.8, '{quota,volume}', (select min(tm.agent_id) from team_member tm where tm.team_id = 1 + t.id % 8),
                           'on first line now; 3 open tickets, 4 h of 30 h this week', 'NORMAL',
                           array[1 + t.id % :h, 2 + t.id % :h, 3 + t.id % :h]::bigint[], now()
                    from ticket t where t.team_id is null""".replace(":h", String.valueOf(history - 3)));
            st.execute("""
                    insert into time_entry (ticket_id, agent_id, minutes, billable, worked_at, created_at)
                    select t.id, (select min(id) from agent where username like 'bench%'), 30, true, now() - interval '1 day', now()
                    from ticket t where t.team_id is not null and t.id % 10 = 0""");
            for (String table : new String[] {"ticket", "message", "time_entry"}) {
                st.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select max(id) from " + table
                        + "))");
            }
            st.execute("select setval('ticket_number_seq', (select max(number) from ticket))");
            st.execute("set session_replication_role = origin");
            st.execute("vacuum analyze");
        }
    }

    /**
     * The work queue at size: the waiting tickets are routed to the eight teams (as after a morning's triage) with
     * the facts 2i2c's rules read spread over them, then pages of the queue are read over the API.
     */
    private static void workQueue(StringBuilder out, String base, String token, String jdbcUrl, int waiting)
            throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute(
                    "update ticket set team_id = 1 + id % 8, status = 'OPEN', type = 'CHANGE_REQUEST', funded = (id % 100 = 0), "
                            + "impact = case when id % 10 = 3 then 'MAJOR' else 'MINOR' end where team_id is null");
            // budgets: no plan, used up, over half used, under half used
            st.execute(
                    "insert into support_plan (name, budget_hours, created_at) values ('Small', 5, now()), ('Large', 100, now())");
            st.execute(
                    "update organization set plan_id = case when id <= 5 then null when id <= 10 then (select id from support_plan where name = 'Small') "
                            + "when id <= 15 then 1 else (select id from support_plan where name = 'Large') end");
            st.execute("""
                    insert into ticket_priority_factors (ticket_id, aligned_with_goals, aligned_with_upstream, updated_at)
                    select id, id % 50 = 1, id % 50 = 2, now() from ticket where status = 'OPEN' and id % 50 in (1, 2)""");
            st.execute("""
                    insert into ticket_link (ticket_id, kind, url, created_at)
                    select id, 'EXTERNAL_ISSUE', 'https://github.com/example/infra/issues/' || (id / 200), now()
                    from ticket where status = 'OPEN' and id % 100 = 7""");
            st.execute("set session_replication_role = origin");
            st.execute("analyze");
        }
        String first = get(base + "/api/v1/triage/work-queue?limit=100", token);
        line(
                out,
                "Work queue: %s open non-incident tickets with a team, ranked by 2i2c's rules; first page's rules: %s",
                field(first, "total"),
                rules(first));
        for (String query : new String[] {"limit=100", "limit=100&offset=" + (waiting / 2), "limit=100&teamId=3"}) {
            for (int i = 0; i < 20; i++) get(base + "/api/v1/triage/work-queue?" + query, token);
            var page = new Latencies();
            for (int i = 0; i < 200; i++)
                page.add(timed(() -> get(base + "/api/v1/triage/work-queue?" + query, token)));
            line(out, "Work queue page (%s, API): %s", query, page.summary());
            line(
                    out,
                    "  of which ranking and reading it in Firstline (timer firstline.triage.work-queue): %s",
                    serverTime(base, token, "firstline_triage_work_queue_seconds"));
        }
    }

    private static String rules(String json) {
        var counts = new java.util.TreeMap<String, Integer>();
        var m = Pattern.compile("\"rule\":(\\d)").matcher(json);
        while (m.find()) counts.merge(m.group(1), 1, Integer::sum);
        return counts.toString();
    }

    private static String get(String url, String token) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
        return response.body();
    }

    private static String post(String url, String token) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
        return response.body();
    }

    private static void html(HttpClient browser, String url) throws Exception {
        var response =
                browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " " + response.statusCode());
    }

    /** The server's own percentiles of a timer, from the Prometheus endpoint (a window of the last minutes). */
    private static String serverTime(String base, String token, String metric) throws Exception {
        // the metrics endpoint wants an admin's token like the rest of the API
        String text = get(base + "/actuator/prometheus", token);
        var sb = new StringBuilder();
        for (String q : new String[] {"0.5", "0.95", "0.99"}) {
            var m = Pattern.compile(metric + "\\{[^}]*quantile=\"" + q + "\"[^}]*\\} ([0-9.eE+-]+)")
                    .matcher(text);
            sb.append(sb.isEmpty() ? "" : ", ")
                    .append("p")
                    .append(q.equals("0.5") ? "50" : q.substring(2))
                    .append(' ')
                    .append(m.find() ? String.format("%.2f ms", Double.parseDouble(m.group(1)) * 1000) : "?");
        }
        return sb.toString();
    }

    private static String field(String json, String name) {
        var m = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        return m.find() ? m.group(1).replace("\"", "") : "?";
    }

    private static String percent(String value) {
        try {
            return String.format("%.1f %%", Double.parseDouble(value) * 100);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
