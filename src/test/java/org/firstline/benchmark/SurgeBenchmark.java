package org.firstline.benchmark;

import static org.firstline.benchmark.Benchmark.createToken;
import static org.firstline.benchmark.Benchmark.line;
import static org.firstline.benchmark.Benchmark.option;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.firstline.support.MailLoad;
import org.firstline.support.TestMailServer;

/**
 * An incident's surge: N tickets through the API (16 clients) and N mails over SMTP into the mailbox Firstline reads,
 * at the same time, while one agent keeps reading the desk's first page. Reports the rate, the time until everything
 * is filed, what was filed against what was sent, the desk's latency during the burst, PostgreSQL CPU per ticket and
 * where it goes (pg_stat_statements), and RSS. Run it with {@code bench/run --suite surge}; see BENCHMARKS.md.
 */
public final class SurgeBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        int apiTickets = Integer.parseInt(option(args, "--tickets", "5000"));
        int mails = Integer.parseInt(option(args, "--mails", "5000"));
        int history = Integer.parseInt(option(args, "--history", "20000"));
        int clients = Integer.parseInt(option(args, "--clients", "16"));
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-surge");
        Benchmark.deleteRecursively(work);
        Files.createDirectories(work);
        var out = new StringBuilder();
        line(
                out,
                "Jar %s; %d cores; load average before: %s",
                jar,
                Runtime.getRuntime().availableProcessors(),
                load());
        try (var pg = StatementProfile.enable(EmbeddedPostgres.builder())
                        .setDataDirectory(work.resolve("pg"))
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("shared_buffers", "512MB")
                        .setServerConfig("max_connections", "200")
                        .start();
                var mail = new TestMailServer("support@firstline.test")) {
            String jdbcUrl = pg.getJdbcUrl("postgres", "postgres");
            List<String> external = List.of(
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--firstline.email.sender-limit-per-hour=1000000");
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (var first =
                    AppProcess.start(jar, port, work.resolve("app"), external, work.resolve("app-first.log"))) {
                // migrations only
            }
            try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                new BulkLoader(c, new Words(20_000)).load(history, 3, 1);
            }
            String password = Files.readString(work.resolve("app").resolve("initial-admin-password"))
                    .strip();
            try (var app = AppProcess.start(jar, port, work.resolve("app"), external, work.resolve("app.log"))) {
                String base = "http://localhost:" + port;
                String token = createToken(port, password);
                waitForClocks(jdbcUrl);
                for (int i = 0; i < 300; i++) create(base, token, "Warm-up " + i);
                for (int i = 0; i < 100; i++) Benchmark.get(base + "/api/v1/triage/desk?limit=50&sort=AGE", token);

                int explained = Integer.parseInt(option(args, "--explain", "0"));
                if (explained > 0) {
                    StatementProfile.explainAll(jdbcUrl, true);
                    for (int i = 0; i < explained; i++) create(base, token, "Explained " + i);
                    StatementProfile.explainAll(jdbcUrl, false);
                }
                int profiled = Integer.parseInt(option(args, "--profiled", "400"));
                int profileClients = Integer.parseInt(option(args, "--profile-clients", "4"));
                // what PostgreSQL spends with nothing to do (Firstline's timers, PostgreSQL's own background), per
                // second
                double idle0 = CpuTime.ofPostgres(work.resolve("pg"));
                Thread.sleep(10_000);
                double idlePerSecond = (CpuTime.ofPostgres(work.resolve("pg")) - idle0) / 10;
                line(out, "PostgreSQL CPU with no requests: %.1f ms per second", idlePerSecond * 1000);
                StatementProfile.reset(jdbcUrl);
                var next = new AtomicInteger();
                var kinds0 = CpuTime.ofPostgresByKind(work.resolve("pg"));
                double db0 = CpuTime.ofPostgres(work.resolve("pg")), app0 = CpuTime.ofProcess(app.pid());
                long profileStart = System.nanoTime();
                runClients(profileClients, () -> {
                    for (int i; (i = next.getAndIncrement()) < profiled; ) create(base, token, "Profiled " + i);
                });
                double profileSeconds = (System.nanoTime() - profileStart) / 1e9;
                line(
                        out,
                        "API creates alone, %d clients: %.0f tickets/s; CPU per ticket: Firstline %.2f ms, PostgreSQL %.2f ms",
                        profileClients,
                        profiled / profileSeconds,
                        (CpuTime.ofProcess(app.pid()) - app0) * 1000 / profiled,
                        (CpuTime.ofPostgres(work.resolve("pg")) - db0) * 1000 / profiled);
                line(
                        out,
                        "  PostgreSQL CPU per ticket less what it spends with no requests: %.2f ms",
                        (CpuTime.ofPostgres(work.resolve("pg")) - db0 - idlePerSecond * profileSeconds)
                                * 1000
                                / profiled);
                var kinds1 = CpuTime.ofPostgresByKind(work.resolve("pg"));
                var byKind = new StringBuilder();
                kinds1.forEach((kind, cpu) -> byKind.append(
                        String.format("%s %.2f ms; ", kind, (cpu - kinds0.getOrDefault(kind, 0.0)) * 1000 / profiled)));
                line(out, "  PostgreSQL CPU per ticket by process: %s", byKind);
                line(out, "What one API create runs in PostgreSQL (%d creates):", profiled);
                String profile = StatementProfile.report(jdbcUrl, profiled, 45);
                out.append(profile);
                System.out.println(profile);
                if (args.length > 0 && java.util.Arrays.asList(args).contains("--profile-only")) {
                    Files.writeString(work.resolve("results.txt"), out);
                    return;
                }

                createMailbox(base, password, mail);
                var processed = mail.processedCounter();
                Thread.sleep(2000);
                StatementProfile.reset(jdbcUrl);
                burst(app, base, token, mail, processed, apiTickets, mails, clients, work.resolve("pg"), out);
                line(out, "Where PostgreSQL's time went during the burst, per filed ticket:");
                out.append(StatementProfile.report(jdbcUrl, apiTickets + mails, 30));
                verify(jdbcUrl, apiTickets, mails, out);
                line(out, "Process RSS after the burst: %,d MiB", app.rssKiB() / 1024);
            }
        }
        line(out, "Load average after: %s", load());
        System.out.println("\n==== results ====\n" + out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void burst(
            AppProcess app,
            String base,
            String token,
            TestMailServer mail,
            AtomicInteger processed,
            int apiTickets,
            int mails,
            int clients,
            Path pgData,
            StringBuilder out)
            throws Exception {
        var mailLoad = new MailLoad("surge").messages(mails, 0);
        var creates = new Latencies();
        var desk = new Latencies();
        var deskHtml = new Latencies();
        var browser = Benchmark.signedInBrowser(
                base,
                Files.readString(Path.of("target", "bench-surge", "app").resolve("initial-admin-password"))
                        .strip());
        double app0 = CpuTime.ofProcess(app.pid()), db0 = CpuTime.ofPostgres(pgData);
        long started = System.nanoTime();
        var apiDone = new java.util.concurrent.atomic.AtomicLong();
        var mailSent = new java.util.concurrent.atomic.AtomicLong();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var next = new AtomicInteger();
        var api = Thread.ofPlatform()
                .start(() -> runClients(clients, () -> {
                    for (int i; (i = next.getAndIncrement()) < apiTickets; ) {
                        int n = i;
                        creates.add(Benchmark.timed(() -> create(base, token, "Surge request " + n)));
                    }
                }));
        var smtp = Thread.ofPlatform().start(() -> {
            try {
                sendOverSmtp(mail, mailLoad);
                mailSent.set(System.nanoTime());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var reader = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                desk.add(Benchmark.timed(() -> Benchmark.get(base + "/api/v1/triage/desk?limit=50&sort=AGE", token)));
                deskHtml.add(Benchmark.timed(() -> html(browser, base + "/triage")));
            }
        });
        api.join();
        apiDone.set(System.nanoTime());
        long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
        while (processed.get() < mails && System.nanoTime() < deadline) Thread.sleep(5);
        long finished = System.nanoTime();
        smtp.join();
        stop.set(true);
        reader.join();
        double seconds = (finished - started) / 1e9;
        int total = apiTickets + mails;
        line(
                out,
                "Surge: %,d tickets over the API (%d clients) and %,d mails over SMTP at once: all filed after %.1f s -> %.0f tickets/s"
                        + " (API done after %.1f s, mail sent after %.1f s, mail processed after %.1f s)",
                apiTickets,
                clients,
                mails,
                seconds,
                total / seconds,
                (apiDone.get() - started) / 1e9,
                (mailSent.get() - started) / 1e9,
                seconds);
        line(out, "  API create latency during the burst: %s", creates.summary());
        line(
                out,
                "  Desk first page during the burst, API (50 of the waiting, by age): %s (target p95 < 100 ms)",
                desk.summary());
        line(out, "  Desk page during the burst, HTML (/triage): %s", deskHtml.summary());
        line(
                out,
                "  CPU per ticket: Firstline %.2f ms, PostgreSQL %.2f ms",
                (CpuTime.ofProcess(app.pid()) - app0) * 1000 / total,
                (CpuTime.ofPostgres(pgData) - db0) * 1000 / total);
    }

    private static void verify(String jdbcUrl, int apiTickets, int mails, StringBuilder out) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var rs = c.createStatement().executeQuery("""
                        select (select count(*) from ticket where subject like 'Surge request %'),
                               (select count(*) from ticket where channel = 'EMAIL' and subject like 'Load % surge'),
                               (select count(*) from message m join ticket t on t.id = m.ticket_id
                                where t.subject like 'Surge request %' or (t.channel = 'EMAIL' and t.subject like 'Load % surge')),
                               (select count(distinct s.ticket_id) from ticket_sla s join ticket t on t.id = s.ticket_id
                                where t.subject like 'Surge request %' or (t.channel = 'EMAIL' and t.subject like 'Load % surge'))""")) {
            rs.next();
            long filed = rs.getLong(1) + rs.getLong(2);
            line(
                    out,
                    "Filed vs sent: API %,d of %,d, mail %,d of %,d; %,d first messages; %,d with service-level clocks -> %s",
                    rs.getLong(1),
                    apiTickets,
                    rs.getLong(2),
                    mails,
                    rs.getLong(3),
                    rs.getLong(4),
                    filed == apiTickets + mails && rs.getLong(3) == filed
                            ? "nothing lost"
                            : "LOST " + (apiTickets + mails - filed));
        }
    }

    /** Two SMTP connections, as two relays would deliver: the mails go through GreenMail's SMTP into the inbox. */
    private static void sendOverSmtp(TestMailServer mail, List<MailLoad.Mail> load) throws Exception {
        var props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        var session = jakarta.mail.Session.getInstance(props);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            int first = s;
            senders.add(Thread.ofPlatform().start(() -> {
                try (var transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = first; i < load.size(); i += 2) {
                        var message = new jakarta.mail.internet.MimeMessage(
                                session, new ByteArrayInputStream(load.get(i).raw()));
                        transport.sendMessage(message, new jakarta.mail.Address[] {
                            new jakarta.mail.internet.InternetAddress(mail.supportAddress)
                        });
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : senders) t.join();
    }

    private static void createMailbox(String base, String password, TestMailServer mail) throws Exception {
        String auth = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var created = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/mailboxes"))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"name": "Support", "address": "support@firstline.test", "imapHost": "127.0.0.1", "imapPort": %d,
                                 "imapSecurity": "NONE", "imapUsername": "%s", "imapPassword": "%s", "pollSeconds": 30,
                                 "processedAction": "MOVE", "processedFolder": "Filed"}""".formatted(
                                mail.imapPort(), TestMailServer.SUPPORT_LOGIN, TestMailServer.SUPPORT_PASSWORD)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) throw new IllegalStateException(created.body());
    }

    /** Bulk-loaded tickets come without clocks; the SLA background starts them: the burst begins once it has. */
    private static void waitForClocks(String jdbcUrl) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (true) {
                try (var rs = c.createStatement().executeQuery("""
                        select count(*) from ticket t where t.status in ('NEW', 'OPEN')
                        and not exists (select 1 from ticket_sla s where s.ticket_id = t.id)""")) {
                    rs.next();
                    if (rs.getLong(1) == 0) return;
                }
                Thread.sleep(1000);
            }
        }
    }

    private static void create(String base, String token, String subject) throws Exception {
        int contact = Math.floorMod(subject.hashCode(), BulkLoader.CONTACTS);
        String body = "{\"subject\":\"" + subject + "\",\"body\":\"Since this morning everyone gets a 502.\","
                + "\"requester\":{\"email\":\"user" + (contact + 1) + "@org" + (contact % BulkLoader.ORGANIZATIONS + 1)
                + ".example\"}}";
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

    private static void html(HttpClient browser, String url) throws Exception {
        var response =
                browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(url + " " + response.statusCode());
    }

    interface Work {
        void run() throws Exception;
    }

    private static void runClients(int clients, Work work) {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
