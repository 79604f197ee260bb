package org.firstline.sla.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.Holiday;

/**
 * Holidays from an iCalendar file (RFC 5545), as published for public holidays (GOV.UK, Google, Outlook): each
 * VEVENT's start date, every day up to its exclusive DTEND for several-day events, and its SUMMARY as the name.
 * Recurrence rules are not expanded; published holiday calendars list each year's dates.
 */
public final class IcsHolidays {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_DAYS = 5000;

    private IcsHolidays() {}

    public static List<Holiday> parse(String ics) {
        if (ics == null || !ics.contains("BEGIN:VCALENDAR")) {
            throw new InvalidRequestException("file", "is not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        var holidays = new LinkedHashMap<LocalDate, String>();
        Map<String, String> event = null;
        for (String line : unfold(ics)) {
            if (line.equals("BEGIN:VEVENT")) {
                event = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT") && event != null) {
                add(event, holidays);
                event = null;
            } else if (event != null) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String name = line.substring(0, colon).split(";")[0].toUpperCase(Locale.ROOT);
                    event.putIfAbsent(name, line.substring(colon + 1));
                }
            }
        }
        if (holidays.isEmpty()) throw new InvalidRequestException("file", "has no events with a start date");
        return holidays.entrySet().stream()
                .map(e -> new Holiday(e.getKey(), e.getValue()))
                .toList();
    }

    private static void add(Map<String, String> event, Map<LocalDate, String> holidays) {
        String start = event.get("DTSTART");
        if (start == null) return;
        LocalDate first = date(start);
        LocalDate end = event.containsKey("DTEND") ? date(event.get("DTEND")) : first.plusDays(1);
        String name = unescape(event.getOrDefault("SUMMARY", "")).strip();
        if (name.length() > 200) name = name.substring(0, 200);
        for (LocalDate day = first; day.isBefore(end) || day.equals(first); day = day.plusDays(1)) {
            holidays.putIfAbsent(day, name);
            if (holidays.size() > MAX_DAYS)
                throw new InvalidRequestException("file", "has more than " + MAX_DAYS + " holiday days");
        }
    }

    private static LocalDate date(String value) {
        String digits = value.strip();
        if (digits.length() < 8) throw new InvalidRequestException("file", "has a date that is not YYYYMMDD: " + value);
        try {
            return LocalDate.parse(digits.substring(0, 8), BASIC);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("file", "has a date that is not YYYYMMDD: " + value);
        }
    }

    private static List<String> unfold(String ics) {
        var lines = new ArrayList<String>();
        for (String raw : ics.split("\r?\n")) {
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    private static String unescape(String text) {
        return text.replace("\\n", " ")
                .replace("\\N", " ")
                .replace("\\,", ",")
                .replace("\\;", ";")
                .replace("\\\\", "\\");
    }
}
