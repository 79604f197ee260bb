package org.firstline.platform.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Text PostgreSQL can store and mail can carry: no NUL character (PostgreSQL refuses it) and no half of a surrogate
 * pair (it would be saved as "?"). Refused with the field's name rather than altered.
 */
class StorableTextDeserializer extends StringDeserializer {
    static final String REFUSAL = "contains a character that cannot be stored (NUL or half a surrogate pair)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && !storable(value)) {
            throw InvalidFormatException.from(parser, REFUSAL, value, String.class);
        }
        return value;
    }

    static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
