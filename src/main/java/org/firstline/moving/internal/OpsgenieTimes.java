package org.firstline.moving.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** Opsgenie's ISO 8601 instants and IANA zones, refused naming the field they came in. */
public final class OpsgenieTimes {
    private OpsgenieTimes() {}

    public static Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) throw new InvalidRequestException(field, "is required");
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "is not a date and time like 2026-12-02T10:00:00Z");
        }
    }

    public static ZoneId zone(String field, @Nullable String value) {
        if (value == null || value.isBlank()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "is not a time zone like Europe/London");
        }
    }
}
