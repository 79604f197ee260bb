package org.firstline.benchmark;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.firstline.support.IntakeCount;
import org.firstline.support.MailLoad;
import org.firstline.support.TestMailServer;

/**
 * Firstline from its jar, attacked: mail intake across SIGKILLs of the JVM, ticket creation across SIGKILLs,
 * PostgreSQL killed under it, and a battery of bad requests. Prints lost / duplicated / 5xx / recovery figures.
 *
 * <p>Arguments: {@code --messages N} (2,000), {@code --kills K} (7), {@code --db-kills D} (3).
 */
public final class FaultBenchmark {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(Benchmark.option(args, "--messages", "2000"));
        int kills = Integer.parseInt(Benchmark.option(args, "--kills", "7"));
        int dbKills = Integer.parseInt(Benchmark.option(args, "--db-kills", "3"));
        Path jar = Path.of(Benchmark.option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Files.createTempDirectory("firstline-faults");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String run = Long.toHexString(seed);
        int port = freePort();
        List<String> appArgs =
                List.of("--firstline.demo-data=false", "--firstline.email.sender-limit-per-hour=1000000");
        System.out.printf(
                "Fault suite on %d cores, seed %d, data in %s%n",
                Runtime.getRuntime().availableProcessors(), seed, work);

        try (TestMailServer mail = new TestMailServer("support@firstline.test")) {
            List<MailLoad.Mail> load = new MailLoad(run).messages(messages, 4);
            load.forEach(m -> mail.deliver(m.raw()));
            AppProcess app = AppProcess.start(jar, port, work.resolve("app"), appArgs, work.resolve("app-0.log"));
            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(("admin:"
                                            + Files.readString(work.resolve("app/initial-admin-password"))
                                                    .strip())
                                    .getBytes(StandardCharsets.UTF_8));
            send(port, auth, "POST", "/api/v1/mailboxes", """
                    {"name": "Support", "address": "support@firstline.test", "imapHost": "127.0.0.1", "imapPort": %d,
                     "imapSecurity": "NONE", "imapUsername": "%s", "imapPassword": "%s", "pollSeconds": 1}""".formatted(
                            mail.imapPort(), TestMailServer.SUPPORT_LOGIN, TestMailServer.SUPPORT_PASSWORD));

            // tickets written over the API all through the kills: every 201 must survive
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger serverErrors = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform()
                        .start(() -> write(port, auth, run + "-" + writer, acknowledged, serverErrors, writing)));
            }

            List<Double> jvmRecoveries = new ArrayList<>();
            for (int kill = 1; kill <= kills; kill++) {
                Thread.sleep(1000 + random.nextInt(2500));
                app.kill();
                app = AppProcess.start(jar, port, work.resolve("app"), appArgs, work.resolve("app-" + kill + ".log"));
                jvmRecoveries.add(app.secondsToReady);
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (mail.unseenInSupportInbox() > 0 && System.nanoTime() < deadline) Thread.sleep(200);
            writing.set(false);
            for (Thread t : writers) t.join();

            List<Double> dbRecoveries = new ArrayList<>();
            for (int kill = 0; kill < dbKills; kill++) {
                dbRecoveries.add(killPostgres(work.resolve("app"), port));
                Thread.sleep(2000);
            }

            var intake = IntakeCount.of(load, run, port, auth);
            int lostWrites = 0;
            for (String subject : acknowledged) {
                var found = send(
                        port,
                        auth,
                        "GET",
                        "/api/v1/tickets?q=" + java.net.URLEncoder.encode("\"" + subject + "\"", StandardCharsets.UTF_8)
                                + "&limit=5",
                        null);
                if (!found.body().contains(subject)) lostWrites++;
            }
            var bad = BadRequests.tryAll(port, auth);
            app.close();

            System.out.printf(
                    "Mail: %d delivered (%d requests, %d replies), %d kills of the JVM: %d requests and %d replies filed, "
                            + "%d lost, %d duplicated%n",
                    messages,
                    intake.requestsSent(),
                    intake.repliesSent(),
                    kills,
                    intake.requestsFiled(),
                    intake.repliesFiled(),
                    intake.lost(),
                    intake.duplicated());
            System.out.printf(
                    "API writes during the kills: %d acknowledged, %d lost, %d answered 5xx%n",
                    acknowledged.size(), lostWrites, serverErrors.get());
            System.out.printf(
                    "Recovery after a JVM kill (start to ready): %s s, max %.1f s%n",
                    jvmRecoveries,
                    jvmRecoveries.stream().mapToDouble(d -> d).max().orElse(0));
            System.out.printf(
                    "Recovery after a PostgreSQL kill (kill to ready): %s s, max %.1f s%n",
                    dbRecoveries,
                    dbRecoveries.stream().mapToDouble(d -> d).max().orElse(0));
            System.out.printf(
                    "Bad inputs: %d tried, %d answered 5xx, %d not problem+json%n",
                    bad.tried(), bad.serverErrors(), bad.notProblems());
        }
    }

    private static void write(
            int port,
            String auth,
            String prefix,
            Set<String> acknowledged,
            AtomicInteger serverErrors,
            AtomicBoolean writing) {
        for (int n = 0; writing.get(); n++) {
            String subject = "Write " + prefix + " " + n;
            try {
                var response = send(port, auth, "POST", "/api/v1/tickets", """
                        {"subject": "%s", "body": "kept", "requester": {"email": "writer@example.com"}}""".formatted(subject));
                if (response.statusCode() == 201) acknowledged.add(subject);
                if (response.statusCode() >= 500 && response.statusCode() != 503) serverErrors.incrementAndGet();
            } catch (Exception refusedWhileDown) {
                // nobody listening between a kill and the restart: not acknowledged, so nothing was promised
            }
        }
    }

    /** Kills the embedded PostgreSQL's postmaster; seconds until readiness is UP again. */
    private static double killPostgres(Path dataDir, int port) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"))
                .get(0)
                .strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long killed = System.nanoTime();
        boolean sawDown = false;
        while (System.nanoTime() - killed < Duration.ofSeconds(120).toNanos()) {
            int status = readiness(port);
            sawDown |= status == 503;
            if (sawDown && status == 200) break;
            Thread.sleep(100);
        }
        return Math.round((System.nanoTime() - killed) / 1e8) / 10.0;
    }

    private static int readiness(int port) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    static HttpResponse<String> send(int port, String auth, String method, String path, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
