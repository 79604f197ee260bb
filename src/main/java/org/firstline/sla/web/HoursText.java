package org.firstline.sla.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarForm;
import org.firstline.sla.HoursRange;

/**
 * Working hours as an admin types them, one line per day or span of days: {@code Mon-Fri 09:00-12:30, 13:30-17:00},
 * {@code Sat 10:00-14:00}.
 */
final class HoursText {
    private HoursText() {}

    static List<CalendarForm.Hours> parse(String text) {
        var hours = new ArrayList<CalendarForm.Hours>();
        if (text == null) return hours;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            int space = line.indexOf(' ');
            if (space < 0)
                throw new InvalidRequestException(
                        "hours", "\"" + line + "\" needs days and times, like Mon-Fri 09:00-17:00");
            List<DayOfWeek> days = days(line.substring(0, space));
            for (String range : line.substring(space + 1).split(",")) {
                String[] ends = range.strip().split("\\s*[-–]\\s*");
                if (ends.length != 2)
                    throw new InvalidRequestException(
                            "hours", "\"" + range.strip() + "\" is not a range like 09:00-17:00");
                for (DayOfWeek day : days) hours.add(new CalendarForm.Hours(day, ends[0], ends[1]));
            }
        }
        return hours;
    }

    static String format(List<HoursRange> hours) {
        var lines = new ArrayList<String>();
        for (DayOfWeek day : DayOfWeek.values()) {
            var ranges = hours.stream()
                    .filter(h -> h.day() == day)
                    .map(h -> h.from() + "-" + h.to())
                    .toList();
            if (!ranges.isEmpty())
                lines.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + String.join(", ", ranges));
        }
        return String.join("\n", lines);
    }

    private static List<DayOfWeek> days(String text) {
        String[] ends = text.split("-");
        DayOfWeek from = day(ends[0]), to = ends.length > 1 ? day(ends[1]) : from;
        var days = new ArrayList<DayOfWeek>();
        for (DayOfWeek d = from; ; d = d.plus(1)) {
            days.add(d);
            if (d == to) return days;
        }
    }

    private static DayOfWeek day(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 2 && d.name().toLowerCase(Locale.ROOT).startsWith(t)) return d;
        }
        throw new InvalidRequestException("hours", "\"" + text + "\" is not a day of the week");
    }
}
