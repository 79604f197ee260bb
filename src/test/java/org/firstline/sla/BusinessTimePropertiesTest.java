package org.firstline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the arithmetic on random calendars: zones with daylight saving north and south, a half-hour and a
 * 45-minute offset, a zone whose clocks change at midnight; random hours (several ranges a day), holidays and pauses.
 * Each case is generated from its own seed, shown in the test name, so a failure can be replayed alone.
 */
class BusinessTimePropertiesTest {
    private static final List<String> ZONES = List.of(
            "Europe/London",
            "America/New_York",
            "Australia/Sydney",
            "Asia/Kolkata",
            "Pacific/Chatham",
            "America/Santiago",
            "UTC",
            "Europe/Berlin");
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    record Case(long seed, BusinessCalendar calendar, Instant start, long minutes, long more, List<Interval> pauses) {
        @Override
        public String toString() {
            return "seed " + seed;
        }
    }

    static Stream<Case> cases() {
        return LongStream.range(0, 250).mapToObj(BusinessTimePropertiesTest::generate);
    }

    static Case generate(long seed) {
        var random = new Random(seed);
        var zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        var hours = new ArrayList<HoursRange>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (random.nextInt(7) < 2) continue;
            int at = random.nextInt(48) * 15;
            for (int ranges = 1 + random.nextInt(3); ranges > 0 && at < 1440; ranges--) {
                int end = Math.min(1440, at + 15 + random.nextInt(40) * 15);
                hours.add(new HoursRange(day, at, end));
                at = end + 15 + random.nextInt(16) * 15;
            }
        }
        if (hours.isEmpty()) hours.add(new HoursRange(DayOfWeek.WEDNESDAY, 540, 1020));
        var holidays = new HashSet<LocalDate>();
        for (int i = random.nextInt(6); i > 0; i--)
            holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(420)));
        var calendar = new BusinessCalendar(zone, random.nextInt(15) == 0, hours, holidays);
        Instant start = YEAR_START.plus(random.nextInt(365 * 24 * 60), ChronoUnit.MINUTES);
        var pauses = new ArrayList<Interval>();
        for (int i = random.nextInt(4); i > 0; i--) {
            Instant from = start.plus(random.nextInt(10 * 24 * 60) - 24 * 60, ChronoUnit.MINUTES);
            pauses.add(new Interval(from, from.plus(1 + random.nextInt(3 * 24 * 60), ChronoUnit.MINUTES)));
        }
        return new Case(seed, calendar, start, random.nextInt(1500), random.nextInt(900), pauses);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addingAgreesWithCountingMinuteByMinute(Case c) {
        Instant due =
                new BusinessTimeCalculator(c.calendar()).add(c.start(), Duration.ofMinutes(c.minutes()), c.pauses());
        assertThat(due).isEqualTo(naiveAdd(c.calendar(), c.start(), c.minutes(), c.pauses()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aDueTimeNeverFallsInNonWorkingOrPausedTime(Case c) {
        var calculator = new BusinessTimeCalculator(c.calendar());
        Instant due = calculator.add(c.start(), Duration.ofMinutes(c.minutes() + 1), c.pauses());
        Instant lastSecond = due.minusSeconds(1);
        assertThat(c.calendar().working(lastSecond))
                .as("working just before %s", due)
                .isTrue();
        assertThat(paused(c.pauses(), lastSecond))
                .as("paused just before %s", due)
                .isFalse();
        Instant byDays = calculator.addWorkingDays(c.start(), 1 + (int) (c.more() % 3), c.pauses());
        assertThat(c.calendar().working(byDays.minusSeconds(1)))
                .as("working just before %s", byDays)
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void addingIsMonotonicAndAdditive(Case c) {
        var calculator = new BusinessTimeCalculator(c.calendar());
        Duration a = Duration.ofMinutes(c.minutes()), b = Duration.ofMinutes(c.more());
        Instant first = calculator.add(c.start(), a, c.pauses());
        Instant both = calculator.add(c.start(), a.plus(b), c.pauses());
        assertThat(both).isAfterOrEqualTo(first);
        assertThat(calculator.add(first, b, c.pauses())).isEqualTo(both);
        assertThat(calculator.addWorkingDays(c.start(), 2, c.pauses()))
                .isAfterOrEqualTo(calculator.addWorkingDays(c.start(), 1, c.pauses()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theWorkingTimeBetweenTheStartAndADueTimeIsWhatWasAdded(Case c) {
        var calculator = new BusinessTimeCalculator(c.calendar());
        Instant due = calculator.add(c.start(), Duration.ofMinutes(c.minutes()), c.pauses());
        assertThat(calculator.between(c.start(), due, c.pauses())).isEqualTo(Duration.ofMinutes(c.minutes()));
        Instant later = c.start().plus(c.more() * 7, ChronoUnit.MINUTES);
        assertThat(calculator.between(c.start(), later, c.pauses()).toMinutes())
                .isEqualTo(naiveBetween(c.calendar(), c.start(), later, c.pauses()));
    }

    /** The reference: step one minute at a time, counting the minutes that are working and not paused. */
    static Instant naiveAdd(BusinessCalendar calendar, Instant start, long minutes, List<Interval> pauses) {
        Instant at = start;
        for (long counted = 0; counted < minutes; at = at.plusSeconds(60)) {
            if (calendar.working(at) && !paused(pauses, at)) counted++;
        }
        return at;
    }

    static long naiveBetween(BusinessCalendar calendar, Instant from, Instant to, List<Interval> pauses) {
        long counted = 0;
        for (Instant at = from; at.isBefore(to); at = at.plusSeconds(60)) {
            if (calendar.working(at) && !paused(pauses, at)) counted++;
        }
        return counted;
    }

    static boolean paused(List<Interval> pauses, Instant at) {
        return pauses.stream().anyMatch(p -> !at.isBefore(p.from()) && (p.open() || at.isBefore(p.to())));
    }
}
