package org.firstline.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.firstline.benchmark.AppProcess;
import org.firstline.support.IntakeCount;
import org.firstline.support.MailLoad;
import org.firstline.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * Firstline as its own process reads 2,000 messages from an IMAP server and is killed with SIGKILL five times while
 * doing so; after the last restart every message must have become exactly one ticket or one reply.
 */
class MailIntakeFaultIT {
    private static final int MESSAGES = 2000;
    private static final int KILLS = 5;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyMessageBecomesExactlyOneTicketOrReplyThoughTheProcessIsKilledDuringIntake() throws Exception {
        Path jar = jar();
        Path work = Path.of("target", "fault-test");
        deleteRecursively(work);
        Files.createDirectories(work);
        long seed = Long.getLong("fault.seed", System.nanoTime());
        Random random = new Random(seed);
        String run = Long.toHexString(seed);
        try (TestMailServer mail = new TestMailServer("support@firstline.test")) {
            List<MailLoad.Mail> load = new MailLoad(run).messages(MESSAGES, 4);
            load.forEach(m -> mail.deliver(m.raw()));
            int port = freePort();
            // a killed process leaves its mailbox lease behind; the restarted one waits for it to run out, briefly here
            List<String> args = List.of(
                    "--firstline.demo-data=false",
                    "--firstline.email.sender-limit-per-hour=100000",
                    "--firstline.email.lease=PT3S");
            AppProcess app = AppProcess.start(jar, port, work.resolve("app"), args, work.resolve("app-0.log"));
            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(("admin:"
                                            + Files.readString(
                                                            work.resolve("app").resolve("initial-admin-password"))
                                                    .strip())
                                    .getBytes(StandardCharsets.UTF_8));
            var created = send(port, auth, "POST", "/api/v1/mailboxes", """
                    {"name": "Support", "address": "support@firstline.test", "imapHost": "127.0.0.1", "imapPort": %d,
                     "imapSecurity": "NONE", "imapUsername": "%s", "imapPassword": "%s", "pollSeconds": 1}""".formatted(
                            mail.imapPort(), TestMailServer.SUPPORT_LOGIN, TestMailServer.SUPPORT_PASSWORD));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            List<Integer> leftAtKill = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                // wait until this process has filed and flagged something, then kill it at a random moment after
                int before = mail.unseenInSupportInbox();
                long until = System.nanoTime() + 60_000_000_000L;
                while (mail.unseenInSupportInbox() >= before && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(1500));
                leftAtKill.add(mail.unseenInSupportInbox());
                app.kill();
                app = AppProcess.start(jar, port, work.resolve("app"), args, work.resolve("app-" + kill + ".log"));
            }
            System.out.printf("Fault test (seed %d): unread messages when killed %s%n", seed, leftAtKill);
            assertThat(leftAtKill)
                    .as("every kill hit a process in the middle of intake")
                    .allMatch(left -> left > 0 && left < MESSAGES);

            long deadline = System.nanoTime() + 300_000_000_000L;
            while (mail.unseenInSupportInbox() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(mail.unseenInSupportInbox()).isZero();

            var count = IntakeCount.of(load, run, port, auth);
            long requests = load.stream().filter(m -> !m.reply()).count();
            assertThat(count.requestsFiled()).isEqualTo((int) requests);
            assertThat(count.repliesFiled()).isEqualTo(MESSAGES - (int) requests);
            assertThat(count.lost()).isZero();
            assertThat(count.duplicated()).isZero();
            app.close();
        }
    }

    private static HttpResponse<String> send(int port, String auth, String method, String path, String body)
            throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("firstline-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalStateException("run the package phase first: no target/firstline-*.jar"));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
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
