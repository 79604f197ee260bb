package org.firstline.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a support team works: ranges of hours per weekday in one time zone, minus holidays; or around the clock.
 * Working time is wall-clock time in the zone: an instant is working when its local time falls in a range of its
 * local date, so a range that spans a daylight-saving change is as long as the clocks say, not as the sum says.
 */
public record BusinessCalendar(ZoneId zone, boolean aroundTheClock, List<HoursRange> hours, Set<LocalDate> holidays) {
    public BusinessCalendar {
        hours = List.copyOf(hours);
        holidays = Set.copyOf(holidays);
    }

    public static BusinessCalendar allHours(ZoneId zone) {
        return new BusinessCalendar(zone, true, List.of(), Set.of());
    }

    Map<DayOfWeek, List<HoursRange>> byDay() {
        var map = new EnumMap<DayOfWeek, List<HoursRange>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            map.put(
                    day,
                    hours.stream()
                            .filter(h -> h.day() == day)
                            .sorted(java.util.Comparator.comparingInt(HoursRange::fromMinute))
                            .toList());
        }
        return map;
    }

    /** Whether a day has working hours at all. */
    public boolean workingDay(LocalDate date) {
        return aroundTheClock
                || (!holidays.contains(date) && hours.stream().anyMatch(h -> h.day() == date.getDayOfWeek()));
    }

    /** The definition the arithmetic must agree with, one instant at a time. */
    public boolean working(java.time.Instant instant) {
        if (aroundTheClock) return true;
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (holidays.contains(local.toLocalDate())) return false;
        int minute = local.getHour() * 60 + local.getMinute();
        DayOfWeek day = local.getDayOfWeek();
        for (HoursRange h : hours) {
            if (h.day() == day && h.fromMinute() <= minute && minute < h.toMinute()) return true;
        }
        return false;
    }
}
