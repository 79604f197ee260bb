package org.firstline.rota.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.Duty;
import org.jspecify.annotations.Nullable;

/** Turns the text of a rotation form into values, refusing a bad one by its field's name. */
public final class FormCheck {
    private FormCheck() {}

    public static String name(@Nullable String name) {
        if (name == null || name.isBlank()) throw new InvalidRequestException("name", "is required");
        if (name.strip().length() > 200) throw new InvalidRequestException("name", "is longer than 200 characters");
        // one line: it heads pages, mail subjects and calendar names
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("name", "must be one line without control characters");
        }
        return name.strip();
    }

    public static Duty duty(@Nullable String duty) {
        if (duty == null || duty.isBlank()) throw new InvalidRequestException("duty", "is required");
        try {
            return Duty.valueOf(duty.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("duty", "must be one of TRIAGE_DESK, FIRST_LINE, ON_CALL, SECOND_LINE");
        }
    }

    public static DayOfWeek weekday(String field, @Nullable String day) {
        if (day == null || day.isBlank()) throw new InvalidRequestException(field, "is required");
        String text = day.strip().toUpperCase(Locale.ROOT);
        try {
            if (text.chars().allMatch(Character::isDigit)) return DayOfWeek.of(Integer.parseInt(text));
            return DayOfWeek.valueOf(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not a weekday (MONDAY … SUNDAY or 1–7)");
        }
    }

    public static LocalTime time(@Nullable String time) {
        if (time == null || time.isBlank()) throw new InvalidRequestException("handoffTime", "is required");
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("handoffTime", "is not a time of day like 10:00");
        }
    }

    public static ZoneId zone(@Nullable String zone) {
        if (zone == null || zone.isBlank()) throw new InvalidRequestException("timeZone", "is required");
        try {
            // a region of the IANA database: a fixed offset ("+05:00", "Z", "Etc/GMT+5") or an old SystemV zone
            // knows no daylight saving, so a team's handoff would drift an hour twice a year
            String id = zone.strip();
            boolean fixed = id.startsWith("SystemV/") || id.matches("Etc/GMT[+-]\\d+");
            if (!ZoneId.getAvailableZoneIds().contains(id) || fixed) throw new DateTimeException(id);
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "is not a known time zone (like Europe/London)");
        }
    }

    public static LocalDate date(String field, @Nullable String date, LocalDate otherwise) {
        if (date == null || date.isBlank()) return otherwise;
        try {
            LocalDate parsed = LocalDate.parse(date.strip());
            if (parsed.getYear() < 2000 || parsed.getYear() > 2200) {
                throw new InvalidRequestException(field, "is out of range");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "is not a date like 2026-12-02");
        }
    }

    public static int range(String field, @Nullable Integer value, int otherwise, int min, int max) {
        int v = value == null ? otherwise : value;
        if (v < min || v > max) throw new InvalidRequestException(field, "must be from " + min + " to " + max);
        return v;
    }

    public static List<String> roles(@Nullable List<String> roles) {
        if (roles == null || roles.isEmpty()) return List.of("");
        var out = new ArrayList<String>();
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i) == null ? "" : roles.get(i).strip().toLowerCase(Locale.ROOT);
            if (role.length() > 60)
                throw new InvalidRequestException("roles[" + i + "]", "is longer than 60 characters");
            if (out.contains(role)) throw new InvalidRequestException("roles[" + i + "]", "is named twice");
            out.add(role);
        }
        if (out.size() > 10) throw new InvalidRequestException("roles", "at most 10 roles");
        return out;
    }

    public static java.time.Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) throw new InvalidRequestException(field, "is required");
        try {
            java.time.Instant at = java.time.OffsetDateTime.parse(value.strip()).toInstant();
            if (at.isBefore(java.time.Instant.parse("2000-01-01T00:00:00Z"))
                    || at.isAfter(java.time.Instant.parse("2200-01-01T00:00:00Z"))) {
                throw new InvalidRequestException(field, "is out of range");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "is not a time like 2026-12-02T10:00:00Z");
        }
    }
}
