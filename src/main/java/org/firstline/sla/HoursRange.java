package org.firstline.sla;

import java.time.DayOfWeek;
import org.firstline.platform.InvalidRequestException;

/**
 * Working hours on one weekday, as minutes of the local day: {@code [fromMinute, toMinute)}, where 1440 is the
 * midnight that ends the day ("24:00"). A day may have several ranges, for a lunch break.
 */
public record HoursRange(DayOfWeek day, int fromMinute, int toMinute) {
    public HoursRange {
        if (day == null) throw new InvalidRequestException("hours", "Working hours need a weekday.");
        if (fromMinute < 0 || toMinute > 1440 || fromMinute >= toMinute) {
            throw new InvalidRequestException(
                    "hours", "Working hours on " + day + " must start before they end, within 00:00–24:00.");
        }
    }

    /** Reads "09:00" and "17:30"; "24:00" is the end of the day. */
    public static HoursRange of(DayOfWeek day, String from, String to) {
        return new HoursRange(day, minute(from), minute(to));
    }

    public String from() {
        return text(fromMinute);
    }

    public String to() {
        return text(toMinute);
    }

    static int minute(String text) {
        if (text == null || !text.strip().matches("\\d{1,2}:\\d{2}")) {
            throw new InvalidRequestException("hours", "A time of day is written HH:MM, not \"" + text + "\".");
        }
        String[] parts = text.strip().split(":");
        int hours = Integer.parseInt(parts[0]), minutes = Integer.parseInt(parts[1]);
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes > 0)) {
            throw new InvalidRequestException("hours", "\"" + text + "\" is not a time of day.");
        }
        return hours * 60 + minutes;
    }

    static String text(int minute) {
        return "%02d:%02d".formatted(minute / 60, minute % 60);
    }
}
