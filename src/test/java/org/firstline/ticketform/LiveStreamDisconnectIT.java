package org.firstline.ticketform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.firstline.incident.StatusBoard;
import org.firstline.platform.LiveChannel;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A browser that closes the form (and with it the banner's event stream) is the normal end of a stream: the node
 * notices on its next write, drops the stream and says so at DEBUG, never with an ERROR and a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.org.firstline.platform.internal.ClientDisconnects=debug")
class LiveStreamDisconnectIT extends ApiTest {
    @Autowired
    LiveChannel live;

    @Autowired
    StatusBoard board;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aBrowserThatGoesAwayIsNoError(CapturedOutput output) throws IOException {
        int before = live.subscribers();
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET /request/live HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                                    + "Sec-Fetch-Site: same-origin\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String head = readUntil(socket.getInputStream(), ":connected");
            assertThat(head).startsWith("HTTP/1.1 200").contains("text/event-stream");
            assertThat(live.subscribers()).isEqualTo(before + 1);
        }
        int logged = output.length();
        // each change is written to the stream; the write after the close fails and ends it
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (live.subscribers() > before
                || !output.toString().substring(logged).contains("went away")) {
            assertThat(Instant.now()).as("the closed stream is noticed").isBefore(end);
            transactions.executeWithoutResult(tx -> board.changed());
            pause();
        }
        String since = output.toString().substring(logged);
        assertThat(since).contains("DEBUG").doesNotContain(" ERROR ").doesNotContain("Broken pipe\n\tat ");
        assertThat(since.lines().filter(line -> line.contains(" WARN ")).toList())
                .as("no warning about the closed stream")
                .noneMatch(line -> line.contains("Broken pipe")
                        || line.contains("AsyncRequestNotUsable")
                        || line.contains("ClientAbort")
                        || line.contains("Connection reset"));
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        var read = new StringBuilder();
        while (!read.toString().contains(marker)) {
            int c = in.read();
            if (c < 0) break;
            read.append((char) c);
        }
        return read.toString();
    }

    /** Waits for the node's I/O, not for business time. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
