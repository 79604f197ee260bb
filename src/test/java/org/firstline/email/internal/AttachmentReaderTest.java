package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Attachments, inline images and forwarded files, from the fixtures in src/test/resources/mail/attachments. */
class AttachmentReaderTest {

    @Test
    void namesAreDecodedMadeSafeOrTakenFromTheType() throws Exception {
        BodyReader body = body("names.eml");
        assertThat(body.text()).isEqualTo("Four files.");
        assertThat(body.attachments())
                .extracting(
                        ParsedMail.Attachment::filename, ParsedMail.Attachment::contentType, a -> a.content().length)
                .containsExactly(
                        tuple("dümp.zip", "application/zip", 22),
                        tuple("Grüße — Q4.csv", "text/csv", 3),
                        tuple(".._.._etc_passwd", "application/octet-stream", 4),
                        tuple("attachment-4.bin", "application/octet-stream", 3),
                        tuple("attachment-5.jpg", "image/jpeg", 3));
    }

    @Test
    void anInlineImageKeepsTheContentIdItsHtmlRefersTo() throws Exception {
        BodyReader body = body("inline-image.eml");
        assertThat(body.html()).contains("cid:logo.123@customer.test");
        var image = body.attachments().getFirst();
        assertThat(image.contentId()).isEqualTo("logo.123@customer.test");
        assertThat(image.filename()).isEqualTo("attachment-1.gif");
        assertThat(image.content()).startsWith('G', 'I', 'F');
    }

    @Test
    void aMessageForwardedAsAnAttachmentIsAFileNotText() throws Exception {
        BodyReader body = body("forwarded-as-attachment.eml");
        assertThat(body.text()).isEqualTo("See the attached complaint.");
        assertThat(body.attachments())
                .extracting(ParsedMail.Attachment::filename, ParsedMail.Attachment::contentType)
                .containsExactly(tuple("complaint.eml", "message/rfc822"));
        assertThat(new String(body.attachments().getFirst().content(), java.nio.charset.StandardCharsets.US_ASCII))
                .contains("Subject: Complaint", "Not happy.");
    }

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            report.pdf          | report.pdf
            ../../etc/passwd    | .._.._etc_passwd
            'C:\\temp\\a.txt'   | C:_temp_a.txt
            '  '                | message
            ..                  | message
            .                   | message
            """)
    void fileNamesCannotLeaveTheirFolder(String name, String safe) {
        assertThat(AttachmentReader.safeFileName(name)).isEqualTo(safe);
    }

    @Test
    void aVeryLongFileNameIsCutAtTwoHundredCharacters() {
        assertThat(AttachmentReader.safeFileName("a".repeat(500) + ".txt")).hasSize(200);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            image/jpeg                         | attachment-3.jpg
            image/png                          | attachment-3.png
            application/octet-stream           | attachment-3.bin
            text/plain                         | attachment-3.txt
            application/vnd.ms-excel.sheet.macroenabled.12 | attachment-3.bin
            """)
    void aPartWithoutANameIsNamedAfterItsType(String contentType, String name) {
        assertThat(AttachmentReader.fallbackName(contentType, 3)).isEqualTo(name);
    }

    static BodyReader body(String fixture) throws Exception {
        return BodyReader.read(
                LenientMime.message(Files.readAllBytes(Path.of("src/test/resources/mail/attachments", fixture))));
    }
}
