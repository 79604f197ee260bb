package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the header block alone tells: recognition key, conversation keys, the quarantine label, line limits. */
class RawHeaderTest {
    private static final String MESSAGE = "From: Ada <Ada@Customer.test>\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\n"
            + "Subject: =?UTF-8?Q?Caf=C3=A9?=\r\nMessage-ID: <m-1@customer.test>\r\nIn-Reply-To: <ack-1@firstline.test>\r\n"
            + "References: <first@customer.test> <ack-1@firstline.test>\r\n\r\nbody\r\n";

    @Test
    void aCopyWithOtherLineEndingsIsRecognisedButAReusedMessageIdWithAnotherSubjectIsNot() {
        String key = RawHeader.dedupKey(bytes(MESSAGE));
        assertThat(key).startsWith("mid:m-1@customer.test#");
        assertThat(RawHeader.dedupKey(bytes(MESSAGE.replace("\r\n", "\n")))).isEqualTo(key);
        assertThat(RawHeader.dedupKey(bytes(MESSAGE.replace("Caf=C3=A9", "Tea"))))
                .isNotEqualTo(key);
    }

    @Test
    void withoutAMessageIdTheWholeMessageIsTheKey() {
        String raw = MESSAGE.replace("Message-ID: <m-1@customer.test>\r\n", "");
        assertThat(RawHeader.dedupKey(bytes(raw))).isEqualTo("sha256:" + RawHeader.sha256(bytes(raw)));
    }

    @Test
    void threadKeysAreTheSenderAndEveryMessageIdOfTheHeader() {
        assertThat(RawHeader.threadKeys(bytes(MESSAGE)))
                .containsExactly(
                        "from:ada@customer.test",
                        "m-1@customer.test",
                        "ack-1@firstline.test",
                        "first@customer.test",
                        "ack-1@firstline.test");
    }

    @Test
    void theQuarantineLabelReadsWhatItCanOfAMessageThatCannotBeRead() {
        assertThat(RawHeader.senderAndSubject(bytes(MESSAGE))).containsExactly("ada@customer.test", "Café");
        assertThat(RawHeader.senderAndSubject(bytes("From: Nobody\r\nSubject: a\u0007b\r\n\r\n")))
                .containsExactly(null, "a b");
        assertThat(RawHeader.senderAndSubject(new byte[0])).containsExactly(null, null);
    }

    @Test
    void aHeaderLineOver64KibIsRefusedButABodyLineIsNot() throws Exception {
        String longLine = "x".repeat(RawHeader.MAX_LINE + 1);
        assertThatThrownBy(() ->
                        RawHeader.checkLineLengths(bytes("From: a@b.test\r\nX-Junk: " + longLine + "\r\n\r\nbody\r\n")))
                .isInstanceOf(MalformedMailException.class)
                .hasMessage("a header line is longer than 64 KiB");
        RawHeader.checkLineLengths(bytes("From: a@b.test\r\n\r\n" + longLine + "\r\n"));
        RawHeader.checkLineLengths(bytes("From: a@b.test\n\n" + longLine + "\n"));
    }

    private static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8);
    }
}
