package org.firstline.email.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Decodes UTF-7 (RFC 2152), which old mailers still send and the JDK does not read. */
final class Utf7 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {}

    static boolean isUtf7(String charset) {
        String name = charset.toLowerCase(java.util.Locale.ROOT);
        return name.equals("utf-7")
                || name.equals("utf7")
                || name.equals("unicode-1-1-utf-7")
                || name.equals("x-utf-7");
    }

    static String decode(byte[] bytes) {
        String in = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(in.length());
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int start = ++i;
            while (i < in.length() && ALPHABET.indexOf(in.charAt(i)) >= 0) {
                i++;
            }
            if (i == start) {
                out.append('+');
            } else {
                out.append(utf16(in.substring(start, i)));
            }
            if (i < in.length() && in.charAt(i) == '-') {
                i++;
            }
        }
        return out.toString();
    }

    private static String utf16(String base64) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            buffer = buffer << 6 | ALPHABET.indexOf(c);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes.write(buffer >> bits & 0xff);
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_16BE);
    }
}
