package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The facade puts the readers' answers together into one {@link ParsedMail}; the readers have their own tests. */
class MailParserTest {

    @Test
    void aMessageBecomesWhatATicketNeeds() throws Exception {
        ParsedMail mail =
                MailParser.parse(Files.readAllBytes(Path.of("src/test/resources/mail/headers/encoded-words.eml")));
        assertThat(mail.fromAddress()).isEqualTo("renee.mueller@customer.test");
        assertThat(mail.fromName()).isEqualTo("Renée Müller");
        assertThat(mail.senderHeader()).isEqualTo(ParsedMail.SenderHeader.FROM);
        assertThat(mail.acknowledgeable()).isTrue();
        assertThat(mail.subject()).isEqualTo("服务器 down: café crème");
        assertThat(mail.messageId()).isEqualTo("encoded-words@customer.test");
        assertThat(mail.cc()).containsExactly("ops@customer.test", "joerg@customer.test");
        assertThat(mail.text()).isEqualTo("Body.");
        assertThat(mail.html()).isNull();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.automatic()).isFalse();
        assertThat(mail.bounce()).isNull();
    }

    @Test
    void aSenderKnownOnlyFromTheEnvelopeIsFiledButNotToBeAcknowledged() throws Exception {
        ParsedMail mail = MailParser.parse(
                Files.readAllBytes(Path.of("src/test/resources/mail/headers/return-path-fallback.eml")));
        assertThat(mail.fromAddress()).isEqualTo("ada.lovelace@customer.test");
        assertThat(mail.senderHeader()).isEqualTo(ParsedMail.SenderHeader.RETURN_PATH);
        assertThat(mail.text()).isEqualTo("Our build agents hang at step 3.");
        assertThat(mail.automatic()).isFalse();
        assertThat(mail.acknowledgeable()).isFalse();
    }

    @Test
    void aDeliveryReportIsABounceAndAutomatic() throws Exception {
        ParsedMail mail =
                MailParser.parse(Files.readAllBytes(Path.of("src/test/resources/mail/body/delivery-status.eml")));
        assertThat(mail.bounce().originalMessageId()).isEqualTo("ack-9@firstline.test");
        assertThat(mail.automatic()).isTrue();
        assertThat(mail.acknowledgeable()).isFalse();
    }

    @Test
    void anEmptyMessageIsRefused() {
        assertThatThrownBy(() -> MailParser.parse(new byte[0])).hasMessage("empty message");
        assertThatThrownBy(() -> MailParser.parse(" \r\n\r\n ".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("empty message");
    }

    @Test
    void whatTheMimeLibraryCannotReadIsRefusedWithItsReasonNotThrown() {
        byte[] raw =
                ("From: a@customer.test\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                                + "--c\r\nContent-Type: text/plain\r\n\r\nx\r\n--c--\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> MailParser.parse(raw))
                .isInstanceOf(MalformedMailException.class)
                .hasMessageStartingWith("multipart/mixed that cannot be split into parts");
    }
}
