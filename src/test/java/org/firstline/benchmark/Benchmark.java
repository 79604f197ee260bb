package org.firstline.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The foundation benchmark: bulk-loads tickets with COPY, then measures ticket creation over HTTP at 1, 4 and 16
 * clients, list, search and ticket-page latencies, process RSS and start-up time, and the same database work from
 * plain JDBC for comparison. Run it with {@code bench/run}; see BENCHMARKS.md.
 */
public final class Benchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int tickets = Integer.parseInt(option(args, "--tickets", "1000000"));
        Duration createFor = Duration.ofSeconds(Long.parseLong(option(args, "--seconds", "10")));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench");
        deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();

        try (var pg = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_connections", "200")
                .start()) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external =
                    List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres");

            try (var first =
                    AppProcess.start(jar, 18080, work.resolve("app"), external, work.resolve("app-first.log"))) {
                line(out, "First start (migrations on an empty database): %.2f s to ready", first.secondsToReady);
            }
            String password = Files.readString(work.resolve("app").resolve("initial-admin-password"))
                    .strip();
            long loadStart = System.nanoTime();
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                new BulkLoader(c, new Words(20_000)).load(tickets, 3, 1);
            }
            line(
                    out,
                    "Bulk load (COPY) of %,d tickets and %,d messages, indexes and ANALYZE: %.1f s",
                    tickets,
                    tickets * 3L,
                    (System.nanoTime() - loadStart) / 1e9);

            List<Double> starts = new ArrayList<>();
            List<Double> reported = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                try (var app = AppProcess.start(
                        jar, 18080, work.resolve("app"), external, work.resolve("app-start" + i + ".log"))) {
                    starts.add(Math.round(app.secondsToReady * 100) / 100.0);
                    reported.add(app.reportedStartSeconds());
                }
            }
            line(
                    out,
                    "Start-up to ready, external database at %,d tickets: %s s (Spring Boot's own 'Started in': %s s)",
                    tickets,
                    starts,
                    reported);

            try (var app = AppProcess.start(jar, 18080, work.resolve("app"), external, work.resolve("app.log"))) {
                String token = createToken(app.port, password);
                waitForClocks(jdbcUrl, out);
                measure(app, token, password, jdbcUrl, work.resolve("pg"), createFor, out);
            }
        }
        if (!option(args, "--embedded", "true").equals("false")) embeddedStartup(jar, work, out);
        System.out.println("\n==== results ====\n" + out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void measure(
            AppProcess app,
            String token,
            String password,
            String jdbcUrl,
            Path pgData,
            Duration createFor,
            StringBuilder out)
            throws Exception {
        String base = "http://localhost:" + app.port;
        for (int warm = 0; warm < 300; warm++) {
            create(base, token, warm);
            get(base + "/api/v1/tickets?status=open&limit=50", token);
        }
        double rate16 = 0;
        for (int clients : new int[] {1, 4, 16}) {
            var latencies = new Latencies();
            double app0 = CpuTime.ofProcess(app.pid()),
                    db0 = CpuTime.ofPostgres(pgData),
                    me0 = CpuTime.ofProcess(ProcessHandle.current().pid());
            boolean profile = clients == 16 && System.getenv("BENCH_PROFILE") != null;
            if (profile)
                jcmd(
                        app.pid(),
                        "JFR.start",
                        "name=create",
                        "settings=profile",
                        "filename=" + System.getenv("BENCH_PROFILE"));
            double rate = createRate(base, token, clients, createFor, latencies);
            if (profile) jcmd(app.pid(), "JFR.stop", "name=create");
            double perTicket = 1000.0 / (rate * createFor.toSeconds());
            if (clients == 16) rate16 = rate;
            line(
                    out,
                    "Create over HTTP, %2d clients: %,.0f tickets/s; %s; CPU per ticket: Firstline %.2f ms, PostgreSQL %.2f ms, load client %.2f ms",
                    clients,
                    rate,
                    latencies.summary(),
                    (CpuTime.ofProcess(app.pid()) - app0) * perTicket,
                    (CpuTime.ofPostgres(pgData) - db0) * perTicket,
                    (CpuTime.ofProcess(ProcessHandle.current().pid()) - me0) * perTicket);
        }
        line(out, "Process RSS after the create runs: %,d MiB", app.rssKiB() / 1024);

        var list = new Latencies();
        for (int i = 0; i < 500; i++) list.add(timed(() -> get(base + "/api/v1/tickets?status=open&limit=50", token)));
        line(out, "List, open, newest first, 50 rows (API): %s", list.summary());

        var search = new Latencies();
        var words = new Words(20_000);
        var random = new Random(3);
        for (int i = 0; i < 300; i++) {
            String q = words.word(200 + random.nextInt(19_000));
            search.add(timed(() -> get(base + "/api/v1/tickets?limit=50&q=" + q, token)));
        }
        line(out, "Full-text search, one word of the long tail, 50 rows (API): %s", search.summary());
        var common = new Latencies();
        for (int i = 0; i < 100; i++) {
            String q = words.word(random.nextInt(50));
            common.add(timed(() -> get(base + "/api/v1/tickets?limit=50&q=" + q, token)));
        }
        line(out, "Full-text search, one of the 50 commonest words, 50 rows (API): %s", common.summary());

        List<Long> numbers = ticketNumbers(jdbcUrl);
        var page = new Latencies();
        var browser = signedInBrowser(base, password);
        for (int i = 0; i < 300; i++) {
            long number = numbers.get(random.nextInt(numbers.size()));
            page.add(timed(() -> {
                var response = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/tickets/" + number))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200)
                    throw new IllegalStateException("ticket page " + response.statusCode());
            }));
        }
        line(out, "Ticket page (HTML, signed in): %s", page.summary());
        var apiGet = new Latencies();
        for (int i = 0; i < 300; i++) {
            long number = numbers.get(random.nextInt(numbers.size()));
            apiGet.add(timed(() -> get(base + "/api/v1/tickets/by-number/" + number, token)));
        }
        line(out, "Ticket read (API): %s", apiGet.summary());
        line(out, "Process RSS after all runs: %,d MiB", app.rssKiB() / 1024);
        // what holds the memory: the heap's split, and outside it when native memory tracking was switched on
        jcmd(app.pid(), "GC.heap_info");
        if (String.valueOf(System.getenv("BENCH_JVM_OPTS")).contains("NativeMemoryTracking")) {
            jcmd(app.pid(), "VM.native_memory", "summary");
        }

        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        double db0 = CpuTime.ofPostgres(pgData),
                me0 = CpuTime.ofProcess(ProcessHandle.current().pid());
        double own = OwnSqlRate.ticketCreations(jdbcUrl, hash, 16, createFor);
        double perTicket = 1000.0 / (own * createFor.toSeconds());
        line(
                out,
                "Same SQL as one creation, one transaction, plain JDBC, 16 clients: %,.0f/s; CPU per ticket: PostgreSQL %.2f ms, JDBC client %.2f ms",
                own,
                (CpuTime.ofPostgres(pgData) - db0) * perTicket,
                (CpuTime.ofProcess(ProcessHandle.current().pid()) - me0) * perTicket);
        line(out, "HTTP creation at 16 clients / its own SQL: %.0f %%", 100 * rate16 / own);
        line(
                out,
                "Raw single-row INSERT, autocommit, 16 clients: %,.0f/s",
                OwnSqlRate.rawInserts(jdbcUrl, 16, createFor));
    }

    /**
     * Bulk-loaded tickets come without service-level clocks and the SLA background starts them: the create runs begin
     * once it has, so that its work is not counted as the creates'.
     */
    private static void waitForClocks(String jdbcUrl, StringBuilder out) throws Exception {
        long started = System.nanoTime();
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
                "SLA clocks of the bulk-loaded tickets started by the background in %.1f s",
                (System.nanoTime() - started) / 1e9);
        line(out, "Load average: %s", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void jcmd(long pid, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var command =
                new ArrayList<>(List.of(Path.of(java).resolveSibling("jcmd").toString(), String.valueOf(pid)));
        command.addAll(List.of(args));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static void embeddedStartup(Path jar, Path work, StringBuilder out) throws Exception {
        Path data = work.resolve("embedded");
        try (var first = AppProcess.start(jar, 18081, data, List.of(), work.resolve("embedded-first.log"))) {
            line(
                    out,
                    "Embedded database, first start (initdb, migrations, demo data): %.2f s to ready",
                    first.secondsToReady);
        }
        startups("fat jar", List.of(), jar, data, work, out);

        // the layout Spring Boot recommends for production: the jar extracted, optionally with a JDK AOT cache
        Path extracted = work.resolve("extracted");
        String java = ProcessHandle.current().info().command().orElseThrow();
        new ProcessBuilder(
                        java,
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        extracted.toString())
                .inheritIO()
                .start()
                .waitFor();
        Path app = extracted.resolve(jar.getFileName());
        startups("extracted jar", List.of(), app, data, work, out);
        Path cache = work.resolve("firstline.aot");
        new ProcessBuilder(
                        java,
                        "-XX:AOTCacheOutput=" + cache,
                        "-Dspring.context.exit=onRefresh",
                        "-jar",
                        app.toString(),
                        "--firstline.data-dir=" + data,
                        "--server.port=18081")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("aot-training.log").toFile())
                .start()
                .waitFor();
        startups("extracted jar + AOT cache", List.of("-XX:AOTCache=" + cache), app, data, work, out);
    }

    private static void startups(String how, List<String> jvm, Path jar, Path data, Path work, StringBuilder out)
            throws Exception {
        List<Double> starts = new ArrayList<>();
        List<Double> reported = new ArrayList<>();
        long rss = 0;
        for (int i = 0; i < 3; i++) {
            try (var app = AppProcess.start(
                    jvm, jar, 18081, data, List.of(), work.resolve("embedded-" + how.replace(' ', '-') + i + ".log"))) {
                starts.add(Math.round(app.secondsToReady * 100) / 100.0);
                reported.add(app.reportedStartSeconds());
                rss = app.rssKiB();
            }
        }
        line(
                out,
                "Start on an initialized embedded data directory, %s: %s s to ready (Spring Boot's 'Started in': %s s); RSS at ready %,d MiB",
                how,
                starts,
                reported,
                rss / 1024);
    }

    private static double createRate(String base, String token, int clients, Duration duration, Latencies latencies)
            throws Exception {
        return ClosedLoop.rate(clients, duration, (client, running, done) -> {
            int i = client * 1_000_000;
            while (running.getAsBoolean()) {
                int n = i++;
                latencies.add(timed(() -> create(base, token, n)));
                done.incrementAndGet();
            }
        });
    }

    private static void create(String base, String token, int n) throws Exception {
        int contact = n % BulkLoader.CONTACTS;
        String body = "{\"subject\":\"Hub returns 502 after sign-in " + n
                + "\",\"body\":\"Since this morning everyone gets a 502.\"," + "\"requester\":{\"email\":\"user"
                + (contact + 1) + "@org" + (contact % BulkLoader.ORGANIZATIONS + 1) + ".example\"}}";
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/tickets"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201)
            throw new IllegalStateException("create " + response.statusCode() + " " + response.body());
    }

    static void get(String url, String token) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
            throw new IllegalStateException(url + " " + response.statusCode() + " " + response.body());
    }

    static String createToken(int port, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        // the admin's id: the migrations made Firstline's own system agent first
        String agents = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/agents"))
                                .header("Authorization", "Basic " + basic)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var admin = Pattern.compile("\\{\"id\":(\\d+),\"username\":\"admin\"").matcher(agents);
        if (!admin.find()) throw new IllegalStateException("no admin in " + agents);
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/api-tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"benchmark\",\"agentId\":" + admin.group(1) + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var m = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) throw new IllegalStateException("no token: " + response.body());
        return m.group(1);
    }

    static HttpClient signedInBrowser(String base, String password) throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) throw new IllegalStateException("no CSRF token on the sign-in page");
        String form = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + csrf.group(1);
        browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return browser;
    }

    private static List<Long> ticketNumbers(String jdbcUrl) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var rs = c.createStatement().executeQuery("select number from ticket order by random() limit 1000")) {
            List<Long> numbers = new java.util.ArrayList<>();
            while (rs.next()) numbers.add(rs.getLong(1));
            return numbers;
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static long timed(Call call) {
        long start = System.nanoTime();
        try {
            call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    static void line(StringBuilder out, String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        out.append("- ").append(text).append('\n');
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }

    static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) return;
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
