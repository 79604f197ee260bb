package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text, HTML, charsets, forwarded messages and delivery reports, from the fixtures in src/test/resources/mail/body. */
class BodyReaderTest {

    @Test
    void ofTextAndHtmlAlternativesTheTextIsReadAndTheHtmlKeptSanitized() throws Exception {
        BodyReader body = body("alternative.eml");
        assertThat(body.text()).isEqualTo("The plain text wins.");
        assertThat(body.html()).contains("<b>HTML</b>", "sanitized").doesNotContain("script", "alert");
    }

    @Test
    void htmlOnlyMailIsRenderedAsTextWithListsLinksAndQuotes() throws Exception {
        BodyReader body = body("html-only.eml");
        assertThat(body.text()).isEqualTo("""
                The deploy fails:

                - step one
                - step two
                status page (https://status.example.com/x)

                > older text""");
        assertThat(body.html()).contains("<b>deploy</b>").doesNotContain("script", "onerror", "color:red");
    }

    @Test
    void relatedPartsInAMixedMessageGiveTheTextAndTheirFiles() throws Exception {
        BodyReader body = body("related-in-mixed.eml");
        assertThat(body.text()).isEqualTo("See the screenshot and the log.");
        assertThat(body.html()).contains("cid:shot@x");
        assertThat(body.attachments())
                .extracting(ParsedMail.Attachment::filename)
                .containsExactly("screen.png", "agent.log");
    }

    @Test
    void utf7IsDecoded() throws Exception {
        assertThat(body("utf7.eml").text()).isEqualTo("Hi Mom -☺-! A≢Α. 1 + 1 = 2");
    }

    @Test
    void anUnknownCharsetIsGuessedAsUtf8WhenTheBytesAreUtf8() throws Exception {
        assertThat(body("unknown-charset-utf8.eml").text()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void asciiThatIsNotAsciiNorUtf8IsReadAsWindows1252() throws Exception {
        assertThat(body("ascii-but-latin1.eml").text()).isEqualTo("Grüße aus Köln € 5");
    }

    @Test
    void aTransferEncodingNobodyDefinedIsReadAsItsNameSuggests() throws Exception {
        assertThat(body("odd-transfer-encoding.eml").text()).isEqualTo("Grüße");
    }

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            4772c3bc c39f65 | UTF-8        | Grüße
            4772fcdf65      | ISO-8859-1   | Grüße
            4772fcdf65      |              | Grüße
            4772c3bcdf65    | x-bogus      | GrÃ¼ße
            2b4a6a6f2d      | unicode-1-1-utf-7 | ☺
            """)
    void textIsDecodedInItsDeclaredCharsetElseAGuess(String hex, String charset, String text) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
        assertThat(MailCharsets.decode(bytes, charset)).isEqualTo(text);
    }

    @Test
    void aForwardedMessageIsAddedToTheTextAndAttachedWithItsFiles() throws Exception {
        BodyReader body = body("forwarded.eml");
        assertThat(body.text()).isEqualTo("""
                Please look at the message below.

                ---------- Forwarded message ----------
                From: "Original Sender" <original@supplier.test>
                Date: Fri, 27 Nov 2026 16:00:00 +0000
                Subject: Invoice № 7
                To: forwarder@customer.test

                The invoice is attached.""");
        assertThat(body.attachments())
                .extracting(ParsedMail.Attachment::filename, ParsedMail.Attachment::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("invoice-7.pdf", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("Invoice № 7.eml", "message/rfc822"));
    }

    @Test
    void anUnreadableForwardedMessageIsSaidSoAndStaysAttached() throws Exception {
        BodyReader body = body("unreadable-forward.eml");
        assertThat(body.text())
                .startsWith("See below.\n\n---------- Forwarded message ----------\n")
                .contains("(The forwarded message could not be read: ", "It is attached.)");
        assertThat(body.attachments())
                .extracting(ParsedMail.Attachment::filename)
                .containsExactly("half a message.eml");
    }

    @Test
    void aDeliveryReportNamesTheReturnedMessageTheRecipientTheStatusAndTheDiagnostic() throws Exception {
        var bounce = body("delivery-status.eml").bounce(false);
        assertThat(bounce)
                .isEqualTo(new ParsedMail.Bounce(
                        "ack-9@firstline.test", "gone@customer.test", "5.1.1", "smtp; 550 5.1.1 user unknown"));
    }

    @Test
    void withoutAReportOnlyTheHeaderMakesABounceAndTheReturnedMessageIsTheOneQuotedInTheText() throws Exception {
        byte[] raw = ("From: postmaster@customer.test\r\nSubject: Undeliverable\r\n\r\nThe original:\r\n"
                        + "   Message-ID: <ours-1@firstline.test>\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        BodyReader body = BodyReader.read(LenientMime.message(raw));
        assertThat(body.bounce(false)).isNull();
        assertThat(body.bounce(true)).isEqualTo(new ParsedMail.Bounce("ours-1@firstline.test", null, null, null));
    }

    @Test
    void aTruncatedMultipartIsRefused() {
        assertThatThrownBy(() -> body("truncated.eml"))
                .isInstanceOf(MalformedMailException.class)
                .hasMessage("multipart/mixed is truncated: its closing boundary never comes");
    }

    @Test
    void mimeNestedDeeperThanTwentyLevelsIsRefused() throws Exception {
        StringBuilder raw = new StringBuilder("From: a@customer.test\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < 21; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\nbottom\r\n");
        for (int i = 20; i >= 0; i--) {
            raw.append("--b").append(i).append("--\r\n");
        }
        var message = LenientMime.message(raw.toString().getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> BodyReader.read(message))
                .isInstanceOf(MalformedMailException.class)
                .hasMessage("MIME parts nested deeper than 20 levels");
    }

    @Test
    void base64ThatIsNotBase64IsRefusedRatherThanDecodedToNoise() {
        assertThatThrownBy(() -> PartContent.checkBase64("QUJD@#$%".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("a base64 part holds characters that are not base64 ('@')");
        assertThatThrownBy(() -> PartContent.checkBase64("QUJDRA".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("a base64 part is truncated (6 characters, not a multiple of 4)");
    }

    static BodyReader body(String fixture) throws Exception {
        return BodyReader.read(
                LenientMime.message(Files.readAllBytes(Path.of("src/test/resources/mail/body", fixture))));
    }
}
