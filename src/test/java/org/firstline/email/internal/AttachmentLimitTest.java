package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentLimitTest {
    private final AttachmentLimit limit = new AttachmentLimit(100);

    @Test
    void filesUpToTheLimitAreKeptAndLargerOnesNamedInTheNotice() {
        var kept = limit.apply(List.of(
                file("small.png", 100),
                file("dump.zip", 101),
                file("empty.txt", 0),
                file("log.txt", 3),
                file("core", 5000)));
        assertThat(kept.attachments())
                .extracting(ParsedMail.Attachment::filename)
                .containsExactly("small.png", "log.txt");
        assertThat(kept.notice()).isEqualTo("""
                Attachment dump.zip (101 bytes) was not stored: attachments may be at most 100 bytes. The original message keeps it.
                Attachment core (5000 bytes) was not stored: attachments may be at most 100 bytes. The original message keeps it.""");
    }

    @Test
    void whenEverythingFitsThereIsNoNotice() {
        assertThat(limit.apply(List.of(file("a.txt", 1))).notice()).isEmpty();
        assertThat(limit.apply(List.of()).attachments()).isEmpty();
    }

    private static ParsedMail.Attachment file(String name, int size) {
        return new ParsedMail.Attachment(name, "application/octet-stream", new byte[size], null);
    }
}
