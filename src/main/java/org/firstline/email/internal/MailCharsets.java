package org.firstline.email.internal;

import jakarta.mail.internet.MimeUtility;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Text in the charset its part declares. UTF-7 is decoded here because the JDK cannot; an unknown, missing or
 * US-ASCII charset is guessed (UTF-8 when the bytes are valid UTF-8, else Windows-1252), since mailers mislabel.
 */
final class MailCharsets {
    private MailCharsets() {}

    static String decode(byte[] bytes, @Nullable String charset) {
        String name = charset == null ? null : charset.strip().replace("\"", "");
        if (name != null && Utf7.isUtf7(name)) {
            return Utf7.decode(bytes);
        }
        if (name != null && !name.isEmpty() && !name.equalsIgnoreCase("us-ascii") && !name.equalsIgnoreCase("ascii")) {
            try {
                Charset declared = Charset.forName(MimeUtility.javaCharset(name));
                return declared.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (IllegalArgumentException | CharacterCodingException e) {
                // unknown charset name: guess below
            }
        }
        return guess(bytes);
    }

    private static String guess(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
