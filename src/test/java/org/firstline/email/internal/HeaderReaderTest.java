package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.firstline.email.internal.ParsedMail.SenderHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Sender, cc, subject, threading ids and automatic-mail markers, from the fixtures in src/test/resources/mail/headers. */
class HeaderReaderTest {

    @Test
    void decodesEncodedWordsInNamesSubjectsAndCcAndUnfoldsTheSubject() throws Exception {
        HeaderReader headers = headers("encoded-words.eml");
        var sender = headers.sender().address();
        assertThat(sender.getAddress()).isEqualTo("Renee.Mueller@Customer.TEST");
        assertThat(sender.getPersonal()).isEqualTo("Renée Müller");
        assertThat(headers.subject()).isEqualTo("服务器 down: café crème");
        assertThat(headers.cc()).containsExactly("ops@customer.test", "joerg@customer.test");
        assertThat(headers.messageId()).isEqualTo("encoded-words@customer.test");
    }

    @Test
    void readsRawUtf8HeadersAfterRfc6532() throws Exception {
        HeaderReader headers = headers("utf8-headers.eml");
        assertThat(headers.sender().address().getAddress()).isEqualTo("jörg@bücher.test");
        assertThat(headers.sender().address().getPersonal()).isEqualTo("Jörg Maß");
        assertThat(headers.subject()).isEqualTo("Grüße — 你好");
        assertThat(headers.messageId()).isEqualTo("utf8-headers@bücher.test");
    }

    @Test
    void threadIdsAreInReplyToThenReferencesNewestFirstEachOnce() throws Exception {
        HeaderReader headers = headers("threading.eml");
        assertThat(headers.messageId()).isEqualTo("reply-3@customer.test");
        assertThat(headers.threadIds())
                .containsExactly("ack-2@firstline.test", "note-5@firstline.test", "first-1@customer.test");
    }

    @Test
    void anUnreadableFromFallsBackToSenderThenReplyTo() throws Exception {
        assertThat(headers("sender-fallback.eml").sender().address().getAddress())
                .isEqualTo("gateway@customer.test");
        var replyTo = headers("reply-to-fallback.eml").sender().address();
        assertThat(replyTo.getAddress()).isEqualTo("replies@customer.test");
        assertThat(replyTo.getPersonal()).isEqualTo("Help Line");
    }

    @Test
    void theEnvelopeSenderIsTheLastFallbackWhenNoHeaderNamesAnyone() throws Exception {
        var sender = headers("return-path-fallback.eml").sender();
        assertThat(sender.address().getAddress()).isEqualTo("ada.lovelace@customer.test");
        assertThat(sender.header()).isEqualTo(SenderHeader.RETURN_PATH);
        assertThat(headers("return-path-last.eml").sender())
                .extracting(s -> s.address().getAddress(), HeaderReader.Sender::header)
                .containsExactly("grace@customer.test", SenderHeader.REPLY_TO);
        assertThat(headers("encoded-words.eml").sender().header()).isEqualTo(SenderHeader.FROM);
        assertThat(headers("sender-fallback.eml").sender().header()).isEqualTo(SenderHeader.SENDER);
    }

    @Test
    void aReadableFromWinsOverTheEnvelopeSender() throws Exception {
        String raw = "Return-Path: <bounces@lists.test>\r\nFrom: ada@customer.test\r\nSubject: hi\r\n\r\nbody\r\n";
        var sender = new HeaderReader(LenientMime.message(raw.getBytes(StandardCharsets.UTF_8))).sender();
        assertThat(sender.address().getAddress()).isEqualTo("ada@customer.test");
        assertThat(sender.header()).isEqualTo(SenderHeader.FROM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"return-path-null.eml", "return-path-mailer-daemon.eml", "return-path-postmaster.eml"})
    void theNullPathAndMailSystemsOwnAddressesNameNoSender(String fixture) throws Exception {
        HeaderReader headers = headers(fixture);
        assertThatThrownBy(headers::sender)
                .isInstanceOf(MalformedMailException.class)
                .hasMessageContaining("no sender");
    }

    @Test
    void aMessageWithoutAnyReadableSenderIsRefused() throws Exception {
        HeaderReader headers = headers("no-sender.eml");
        assertThatThrownBy(headers::sender)
                .isInstanceOf(MalformedMailException.class)
                .hasMessageContaining("no sender");
    }

    @Test
    void anAddressListThatCannotBeParsedStillYieldsTheAddressOutsideComments() throws Exception {
        assertThat(headers("address-in-comments.eml").sender().address().getAddress())
                .isEqualTo("lead@customer.test");
    }

    @ParameterizedTest(name = "{0} → automatic {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Auto-Submitted: auto-replied      | true
            Auto-Submitted: auto-generated    | true
            Auto-Submitted: no                | false
            Precedence: bulk                  | true
            Precedence: list                  | true
            Precedence: first-class           | false
            List-Id: <news.customer.test>     | true
            List-Unsubscribe: <mailto:u@x.test> | true
            X-Autoreply: yes                  | true
            X-Auto-Response-Suppress: All     | true
            Return-Path: <>                   | true
            Return-Path: <bounces@x.test>     | false
            X-Mailer: Outlook                 | false
            """)
    void automaticMailIsToldByItsMarkers(String header, boolean automatic) throws Exception {
        String raw = "From: someone@customer.test\r\nSubject: hello\r\n" + header + "\r\n\r\nbody\r\n";
        assertThat(new HeaderReader(LenientMime.message(raw.getBytes(StandardCharsets.UTF_8))).automatic())
                .isEqualTo(automatic);
    }

    @ParameterizedTest(name = "{0} / {1} → bounce {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MAILER-DAEMON@mx.customer.test | Undelivered Mail Returned to Sender | true
            postmaster@customer.test       | Delivery Status Notification (Failure) | true
            postmaster@customer.test       | Holiday opening hours               | false
            someone@customer.test          | Undeliverable: your order           | false
            """)
    void aBounceWithoutAReportIsAMailerDaemonSayingSoInTheSubject(String from, String subject, boolean bounce)
            throws Exception {
        String raw = "From: " + from + "\r\nSubject: " + subject + "\r\n\r\nbody\r\n";
        HeaderReader headers = new HeaderReader(LenientMime.message(raw.getBytes(StandardCharsets.UTF_8)));
        assertThat(headers.looksLikeBounce(headers.sender().address())).isEqualTo(bounce);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            <a@b.test>                      | a@b.test
            '  <a@b.test> (comment) <c@d> ' | a@b.test
            bare-id@host.test               | bare-id@host.test
            two words                       |
            ''                              |
            """)
    void theFirstMessageIdIsTakenFromItsAngleBracketsOrStandsAlone(String value, String id) {
        assertThat(MessageIds.first(value)).isEqualTo(id);
    }

    @Test
    void aReferencesHeaderOfThousandsIsCutAtAHundredIds() {
        String references = "<r@x.test> ".repeat(5000);
        assertThat(MessageIds.all(references)).hasSize(100);
    }

    static HeaderReader headers(String fixture) throws Exception {
        return new HeaderReader(
                LenientMime.message(Files.readAllBytes(Path.of("src/test/resources/mail/headers", fixture))));
    }
}
