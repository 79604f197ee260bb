package org.firstline.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentTypeSnifferTest {

    @Test
    void recognisesCommonFormatsByTheirBytes() {
        assertThat(ContentTypeSniffer.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isEqualTo("image/jpeg");
        assertThat(ContentTypeSniffer.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("image/gif");
        assertThat(ContentTypeSniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(ContentTypeSniffer.sniff(new byte[] {'P', 'K', 3, 4, 0})).isEqualTo("application/zip");
        assertThat(ContentTypeSniffer.sniff("plain words, ünïcödé".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");
        assertThat(ContentTypeSniffer.sniff("{\"a\": 1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("application/json");
        assertThat(ContentTypeSniffer.sniff(new byte[] {1, 0, 2, 3})).isEqualTo("application/octet-stream");
    }

    @Test
    void markupIsNeverTakenForAnImageWhateverItsName() {
        assertThat(ContentTypeSniffer.sniff("  <!DOCTYPE html><script>x</script>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/html");
        assertThat(ContentTypeSniffer.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("image/svg+xml");
        assertThat(ContentTypeSniffer.safeInline("image/svg+xml")).isFalse();
        assertThat(ContentTypeSniffer.safeInline("text/html")).isFalse();
        assertThat(ContentTypeSniffer.safeInline("image/png")).isTrue();
    }

    @Test
    void keepsOnlyASafeFileName() {
        assertThat(AttachmentService.safeName("..\\..\\etc/passwd")).isEqualTo("passwd");
        assertThat(AttachmentService.safeName("a\"b\r\nc.txt")).isEqualTo("abc.txt");
        assertThat(AttachmentService.safeName("..")).isEqualTo("attachment");
        assertThat(AttachmentService.safeName(null)).isEqualTo("attachment");
    }
}
