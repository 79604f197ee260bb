package org.firstline.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines worked out by hand. 2026: Europe's clocks go forward on Sunday 29 March (01:00 UTC) and back on Sunday
 * 25 October (01:00 UTC); New York's forward on Sunday 8 March (02:00 local) and back on Sunday 1 November (02:00
 * local). England's holidays used here: Spring bank holiday Monday 25 May, Christmas Friday 25 December, Boxing Day
 * substitute Monday 28 December, New Year Friday 1 January 2027.
 */
class BusinessTimeCalculatorTest {
    private static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
    private static final Set<LocalDate> ENGLAND = Set.of(
            LocalDate.parse("2026-05-25"),
            LocalDate.parse("2026-12-25"),
            LocalDate.parse("2026-12-28"),
            LocalDate.parse("2027-01-01"));

    static final Map<String, BusinessCalendar> CALENDARS = Map.of(
            "london", weekdays("Europe/London", ENGLAND, "09:00-17:00"),
            "dxw", weekdays("Europe/London", ENGLAND, "10:00-18:00"),
            "newyork", weekdays("America/New_York", Set.of(), "09:00-17:00"),
            "lunch", weekdays("Europe/Berlin", Set.of(), "09:00-12:00", "13:00-17:00"),
            "londonwall", everyDay("Europe/London", "00:00-24:00"),
            "londonnights", everyDay("Europe/London", "01:00-03:00"),
            "newyorknights", everyDay("America/New_York", "00:00-04:00"),
            "newyork24x7", BusinessCalendar.allHours(ZoneId.of("America/New_York")));

    @ParameterizedTest(name = "{0}: {1} + {2} (pauses {3}) = {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # a Friday-evening ticket and other weekends
            london       | 2026-11-27T16:00Z      | 120m | | 2026-11-30T10:00Z
            london       | 2026-11-27T18:30Z      | 60m  | | 2026-11-30T10:00Z
            london       | 2026-11-28T12:00Z      | 30m  | | 2026-11-30T09:30Z
            london       | 2026-11-30T09:00Z      | 480m | | 2026-11-30T17:00Z
            london       | 2026-11-30T09:00Z      | 481m | | 2026-12-01T09:01Z
            london       | 2026-11-30T08:00Z      | 0m   | | 2026-11-30T08:00Z
            london       | 2026-11-30T09:00Z      | 2400m | | 2026-12-04T17:00Z
            dxw          | 2026-11-27T17:30Z      | 180m | | 2026-11-30T12:30Z
            # holidays
            london       | 2026-12-23T15:00Z      | 180m | | 2026-12-24T10:00Z
            london       | 2026-12-24T16:00Z      | 120m | | 2026-12-29T10:00Z
            london       | 2026-12-31T16:30Z      | 60m  | | 2027-01-04T09:30Z
            london       | 2026-12-25T10:00Z      | 60m  | | 2026-12-29T10:00Z
            london       | 2026-05-22T16:00+01:00 | 120m | | 2026-05-26T10:00+01:00
            # daylight saving on office hours
            london       | 2026-03-27T16:00Z      | 120m | | 2026-03-30T10:00+01:00
            london       | 2026-10-23T16:00+01:00 | 120m | | 2026-10-26T10:00Z
            newyork      | 2026-03-06T16:00-05:00 | 120m | | 2026-03-09T10:00-04:00
            newyork      | 2026-10-30T16:00-04:00 | 120m | | 2026-11-02T10:00-05:00
            # daylight saving inside working hours: the hours are as long as the clocks say
            londonwall   | 2026-03-28T23:00Z      | 120m | | 2026-03-29T02:00+01:00
            londonwall   | 2026-10-25T00:30+01:00 | 120m | | 2026-10-25T01:30Z
            londonnights | 2026-03-29T00:30Z      | 60m  | | 2026-03-29T03:00+01:00
            londonnights | 2026-03-29T00:30Z      | 90m  | | 2026-03-30T01:30+01:00
            londonnights | 2026-10-25T00:30+01:00 | 120m | | 2026-10-25T02:00Z
            newyorknights | 2026-11-01T00:00-04:00 | 300m | | 2026-11-01T04:00-05:00
            newyorknights | 2026-03-08T00:00-05:00 | 240m | | 2026-03-09T01:00-04:00
            newyork24x7  | 2026-03-07T23:00-05:00 | 240m | | 2026-03-08T04:00-04:00
            # a lunch break
            lunch        | 2026-11-23T11:00+01:00 | 120m | | 2026-11-23T14:00+01:00
            lunch        | 2026-11-23T12:15+01:00 | 30m  | | 2026-11-23T13:30+01:00
            lunch        | 2026-11-23T11:30+01:00 | 30m  | | 2026-11-23T12:00+01:00
            lunch        | 2026-11-23T11:30+01:00 | 31m  | | 2026-11-23T13:01+01:00
            lunch        | 2026-11-27T16:00+01:00 | 420m | | 2026-11-30T16:00+01:00
            # pauses
            london       | 2026-11-27T16:00Z      | 120m | 2026-11-27T16:30Z/2026-11-30T09:30Z | 2026-11-30T11:00Z
            london       | 2026-11-27T15:00Z      | 180m | 2026-11-28T10:00Z/2026-11-30T10:00Z | 2026-11-30T11:00Z
            london       | 2026-11-30T09:00Z      | 60m  | 2026-11-29T10:00Z/2026-11-29T12:00Z | 2026-11-30T10:00Z
            london       | 2026-11-30T09:00Z      | 240m | 2026-11-30T10:00Z/2026-11-30T11:00Z;2026-11-30T12:00Z/2026-11-30T12:30Z | 2026-11-30T14:30Z
            london       | 2026-11-30T09:00Z      | 60m  | 2026-11-30T11:00Z/open | 2026-11-30T10:00Z
            london       | 2026-11-30T09:00Z      | 60m  | 2026-11-30T09:15Z/2026-11-30T09:45Z;2026-11-30T09:30Z/2026-11-30T10:00Z | 2026-11-30T10:45Z
            # within N working days: the same local time on the Nth working day
            london       | 2026-11-24T11:00Z      | 1d   | | 2026-11-25T11:00Z
            london       | 2026-11-27T18:00Z      | 1d   | | 2026-11-30T17:00Z
            london       | 2026-11-29T07:00Z      | 1d   | | 2026-11-30T17:00Z
            london       | 2026-12-24T11:00Z      | 1d   | | 2026-12-29T11:00Z
            london       | 2026-12-23T14:00Z      | 2d   | | 2026-12-29T14:00Z
            london       | 2026-03-27T11:00Z      | 1d   | | 2026-03-30T11:00+01:00
            london       | 2026-11-24T11:00Z      | 1d   | 2026-11-24T13:00Z/2026-11-24T15:00Z | 2026-11-25T13:00Z
            newyork      | 2026-03-06T10:00-05:00 | 1d   | | 2026-03-09T10:00-04:00
            lunch        | 2026-11-24T12:30+01:00 | 1d   | | 2026-11-25T12:00+01:00
            newyork24x7  | 2026-03-07T10:00-05:00 | 1d   | | 2026-03-08T10:00-04:00
            """)
    void dueTimesWorkedOutByHand(String calendar, String start, String amount, String pauses, String expected) {
        var calculator = new BusinessTimeCalculator(CALENDARS.get(calendar));
        Instant from = OffsetDateTime.parse(start).toInstant();
        Instant due = amount.endsWith("d")
                ? calculator.addWorkingDays(from, Integer.parseInt(amount.replace("d", "")), pauses(pauses))
                : calculator.add(from, Duration.ofMinutes(Long.parseLong(amount.replace("m", ""))), pauses(pauses));
        assertThat(due).isEqualTo(OffsetDateTime.parse(expected).toInstant());
    }

    @ParameterizedTest(name = "{0}: {1} to {2} (pauses {3}) = {4} working minutes")
    @CsvSource(delimiter = '|', textBlock = """
            london       | 2026-11-27T16:00Z      | 2026-11-30T10:00Z      | | 120
            london       | 2026-12-24T09:00Z      | 2026-12-29T09:00Z      | | 480
            london       | 2026-11-30T09:00Z      | 2026-11-30T17:00Z      | 2026-11-30T12:00Z/2026-11-30T13:00Z | 420
            lunch        | 2026-11-23T08:00+01:00 | 2026-11-23T18:00+01:00 | | 420
            londonnights | 2026-10-24T23:30Z      | 2026-10-25T04:00Z      | | 180
            londonnights | 2026-03-29T00:00Z      | 2026-03-29T04:00Z      | | 60
            newyork24x7  | 2026-11-01T00:00-04:00 | 2026-11-02T00:00-05:00 | | 1500
            london       | 2026-11-30T12:00Z      | 2026-11-30T09:00Z      | | 0
            """)
    void workingMinutesBetweenWorkedOutByHand(String calendar, String from, String to, String pauses, long minutes) {
        var calculator = new BusinessTimeCalculator(CALENDARS.get(calendar));
        assertThat(calculator.between(
                        OffsetDateTime.parse(from).toInstant(),
                        OffsetDateTime.parse(to).toInstant(),
                        pauses(pauses)))
                .isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void aClockPausedBeforeItsDueTimeHasNoDueTime() {
        var calculator = new BusinessTimeCalculator(CALENDARS.get("london"));
        Instant monday = Instant.parse("2026-11-30T09:00:00Z");
        assertThatThrownBy(() -> calculator.add(
                        monday, Duration.ofHours(2), List.of(new Interval(monday.plusSeconds(1800), null))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paused");
    }

    @Test
    void manyWorkingDaysAreAsManyFullDaysOfWorkingTime() {
        var calculator = new BusinessTimeCalculator(CALENDARS.get("london"));
        Instant monday = Instant.parse("2026-01-05T10:00:00Z");
        Instant due = calculator.addWorkingDays(monday, 300, List.of());
        assertThat(calculator.between(monday, due, List.of())).isEqualTo(Duration.ofHours(8 * 300));
        assertThat(due).isAfter(Instant.parse("2027-02-01T00:00:00Z"));
    }

    @Test
    void aCalendarWithoutHoursIsRefused() {
        assertThatThrownBy(() ->
                        new BusinessTimeCalculator(new BusinessCalendar(ZoneId.of("UTC"), false, List.of(), Set.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static BusinessCalendar weekdays(String zone, Set<LocalDate> holidays, String... ranges) {
        return calendar(zone, WEEKDAYS, holidays, ranges);
    }

    static BusinessCalendar everyDay(String zone, String... ranges) {
        return calendar(zone, Arrays.asList(DayOfWeek.values()), Set.of(), ranges);
    }

    private static BusinessCalendar calendar(
            String zone, List<DayOfWeek> days, Set<LocalDate> holidays, String... ranges) {
        var hours = new ArrayList<HoursRange>();
        for (DayOfWeek day : days) {
            for (String range : ranges) hours.add(HoursRange.of(day, range.split("-")[0], range.split("-")[1]));
        }
        return new BusinessCalendar(ZoneId.of(zone), false, hours, holidays);
    }

    static List<Interval> pauses(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split(";"))
                .map(p -> p.split("/"))
                .map(p -> new Interval(
                        OffsetDateTime.parse(p[0]).toInstant(),
                        "open".equals(p[1]) ? null : OffsetDateTime.parse(p[1]).toInstant()))
                .toList();
    }
}
