package org.firstline.platform.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A date-time is written out, like {@code 2026-12-01T10:00:00Z} or with an offset; a number is refused rather than
 * read as seconds since 1970, which nobody who typed 1900000000 into a maintenance's start meant.
 */
class WrittenInstantDeserializer extends StdDeserializer<Instant> {
    WrittenInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            throw MismatchedInputException.from(parser, Instant.class, "a date-time is written as text");
        }
        String text = parser.getString().strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidFormatException.from(parser, "not a date-time", text, Instant.class);
        }
    }
}
