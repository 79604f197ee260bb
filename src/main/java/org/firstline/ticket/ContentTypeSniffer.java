package org.firstline.ticket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decides an attachment's type from its bytes, never from what the uploader claimed: a file named .png that
 * holds HTML is stored as HTML (and so is only ever downloaded, not shown).
 */
public final class ContentTypeSniffer {
    private ContentTypeSniffer() {}

    public static String sniff(byte[] content) {
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (starts(content, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(content, 'G', 'I', 'F', '8')) return "image/gif";
        if (starts(content, 'R', 'I', 'F', 'F')
                && content.length > 12
                && content[8] == 'W'
                && content[9] == 'E'
                && content[10] == 'B'
                && content[11] == 'P') return "image/webp";
        if (starts(content, '%', 'P', 'D', 'F', '-')) return "application/pdf";
        if (starts(content, 'P', 'K', 0x03, 0x04)) return "application/zip";
        if (starts(content, 0x1F, 0x8B)) return "application/gzip";
        if (isText(content)) {
            String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8)
                    .stripLeading()
                    .toLowerCase(Locale.ROOT);
            if (head.startsWith("<!doctype html")
                    || head.startsWith("<html")
                    || head.startsWith("<script")
                    || head.startsWith("<svg")
                    || head.startsWith("<?xml")) {
                return head.contains("<svg") ? "image/svg+xml" : "text/html";
            }
            if (head.startsWith("{") || head.startsWith("[")) return "application/json";
            return "text/plain";
        }
        return "application/octet-stream";
    }

    /** Only raster images are shown inline; everything else downloads. */
    public static boolean safeInline(String contentType) {
        return contentType.equals("image/png")
                || contentType.equals("image/jpeg")
                || contentType.equals("image/gif")
                || contentType.equals("image/webp");
    }

    private static boolean isText(byte[] content) {
        byte[] sample = Arrays.copyOf(content, Math.min(content.length, 8192));
        for (byte b : sample) {
            if (b == 0) return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(sample, 0, trimPartial(sample)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A sample cut in the middle of a multi-byte character is still text. */
    private static int trimPartial(byte[] sample) {
        int end = sample.length;
        for (int i = 1; i <= 3 && end - i >= 0; i++) {
            if ((sample[end - i] & 0xC0) == 0xC0) return end - i;
            if ((sample[end - i] & 0x80) == 0) break;
        }
        return end;
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }
}
