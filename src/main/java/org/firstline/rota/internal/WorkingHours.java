package org.firstline.rota.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import org.firstline.sla.BusinessCalendar;
import org.firstline.sla.CalendarService;
import org.firstline.sla.Holiday;
import org.springframework.stereotype.Component;

/** A rotation's business calendar: whether an instant is in its hours, whether a day is a holiday. */
@Component
public class WorkingHours {
    private final CalendarService calendars;

    WorkingHours(CalendarService calendars) {
        this.calendars = calendars;
    }

    public BusinessCalendar calendar(long calendarId) {
        var view = calendars.get(calendarId);
        return new BusinessCalendar(
                ZoneId.of(view.timeZone()),
                view.aroundTheClock(),
                view.hours(),
                new HashSet<>(view.holidays().stream().map(Holiday::day).toList()));
    }

    public boolean working(long calendarId, Instant at) {
        return calendar(calendarId).working(at);
    }

    public boolean holiday(long calendarId, LocalDate day) {
        return calendars.get(calendarId).holidays().stream()
                .anyMatch(h -> h.day().equals(day));
    }
}
