package org.firstline.benchmark;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.firstline.support.MailLoad;
import org.firstline.support.TestMailServer;

/**
 * Mail intake figures: Firstline from its jar (embedded PostgreSQL, durable commits) reading a GreenMail IMAP server
 * on loopback. (1) Throughput: N messages (1 in 4 a reply) waiting in the mailbox, time until every one is filed and
 * flagged. (2) Delivery-to-visible latency with IDLE: single messages delivered at a steady rate, time from delivery
 * until the message is filed (it is flagged \Seen only after its ticket committed, so flagged means visible).
 */
public final class MailBenchmark {
    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(option(args, "--messages", "10000"));
        int latencySamples = Integer.parseInt(option(args, "--latency-samples", "200"));
        int pollSeconds = Integer.parseInt(option(args, "--poll-seconds", "30"));
        boolean move = option(args, "--processed", "seen").equals("move");
        // preloaded: all messages wait in the mailbox before it is connected; stream: they keep arriving, at most
        // 1,000 waiting at a time, as in a burst of mail (GreenMail's in-memory folders slow down as they grow)
        boolean stream = option(args, "--feed", "preloaded").equals("stream");
        Path jar = Path.of(option(args, "--jar", "target/firstline-0.1.0-SNAPSHOT.jar"));
        Path work = Path.of("target", "bench-mail");
        deleteRecursively(work);
        Files.createDirectories(work);
        StringBuilder out = new StringBuilder();
        try (TestMailServer mail = new TestMailServer("support@firstline.test")) {
            List<MailLoad.Mail> load = new MailLoad("bench").messages(messages, 4);
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (var app = AppProcess.start(
                    jar,
                    port,
                    work.resolve("app"),
                    List.of("--firstline.demo-data=false", "--firstline.email.sender-limit-per-hour=1000000"),
                    work.resolve("app.log"))) {
                String auth = "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("admin:"
                                                + Files.readString(work.resolve("app")
                                                                .resolve("initial-admin-password"))
                                                        .strip())
                                        .getBytes(StandardCharsets.UTF_8));
                long delivering = System.nanoTime();
                int preloaded = stream ? Math.min(1000, messages) : messages;
                load.subList(0, preloaded).forEach(m -> mail.deliver(m.raw()));
                line(
                        out,
                        "Delivered %,d messages into GreenMail in %.1f s%s",
                        preloaded,
                        (System.nanoTime() - delivering) / 1e9,
                        stream ? "; the rest arrive while intake runs, at most 1,000 waiting" : "");
                var processed = mail.processedCounter();
                double cpuBefore = CpuTime.ofProcess(app.pid());
                double harnessBefore = CpuTime.ofProcess(ProcessHandle.current().pid());
                double pgBefore = CpuTime.ofPostgres();
                long started = System.nanoTime();
                var created = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mailboxes"))
                                        .header("Authorization", auth)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"name": "Support", "address": "support@firstline.test", "imapHost": "127.0.0.1", "imapPort": %d,
                                 "imapSecurity": "NONE", "imapUsername": "%s", "imapPassword": "%s", "pollSeconds": %d%s}""".formatted(
                                                        mail.imapPort(),
                                                        TestMailServer.SUPPORT_LOGIN,
                                                        TestMailServer.SUPPORT_PASSWORD,
                                                        pollSeconds,
                                                        move
                                                                ? ", \"processedAction\": \"MOVE\", \"processedFolder\": \"Filed\""
                                                                : "")))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException(created.body());
                }
                long firstSeen = 0;
                int fed = preloaded;
                while (processed.get() < messages) {
                    if (fed < messages && fed - processed.get() < 500) {
                        int next = Math.min(messages, fed + 500);
                        load.subList(fed, next).forEach(m -> mail.deliver(m.raw()));
                        fed = next;
                    }
                    if (firstSeen == 0 && processed.get() > 0) {
                        firstSeen = System.nanoTime();
                    }
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpu = CpuTime.ofProcess(app.pid()) - cpuBefore;
                double pgCpu = CpuTime.ofPostgres() - pgBefore;
                double harnessCpu = CpuTime.ofProcess(ProcessHandle.current().pid()) - harnessBefore;
                line(out, "Processed messages are %s", move ? "moved to another folder" : "flagged \\Seen");
                line(
                        out,
                        "Ingest %,d messages (%,d new tickets, %,d replies) over IMAP: %.1f s from mailbox creation -> %.0f messages/s "
                                + "(target >= 200/s); first batch flagged after %.2f s; CPU per message: app %.2f ms, PostgreSQL %.2f ms, "
                                + "GreenMail and this harness %.2f ms",
                        messages,
                        load.stream().filter(m -> !m.reply()).count(),
                        load.stream().filter(MailLoad.Mail::reply).count(),
                        seconds,
                        messages / seconds,
                        (firstSeen - started) / 1e9,
                        cpu * 1000 / messages,
                        pgCpu * 1000 / messages,
                        harnessCpu * 1000 / messages);

                // latency with IDLE: one message at a time, at a steady pace
                MailLoad single = new MailLoad("latency");
                Latencies latencies = new Latencies();
                Thread.sleep(2000);
                for (int i = 1; i <= latencySamples; i++) {
                    long delivered = System.nanoTime();
                    int target = processed.get() + 1;
                    mail.deliver(single.raw(i, false, i));
                    while (processed.get() < target) {
                        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                    }
                    latencies.add(System.nanoTime() - delivered);
                    Thread.sleep(50);
                }
                line(
                        out,
                        "Delivery-to-visible with IDLE (poll interval %d s), %d messages one at a time: %s (target p95 < poll interval + 1 s)",
                        pollSeconds,
                        latencySamples,
                        latencies.summary());
            }
        }
        System.out.println("\n==== results ====\n" + out);
        Files.writeString(work.resolve("results.txt"), out);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        out.append(text).append('\n');
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
