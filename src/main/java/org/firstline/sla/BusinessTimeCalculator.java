package org.firstline.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Business-time arithmetic on one calendar: the due instant after so much working time, the working time between two
 * instants, and "the same local time N working days later", each skipping pauses. Exact to the second across
 * weekends, holidays and daylight-saving changes: it walks the calendar's working intervals, which it builds per
 * stretch of constant UTC offset, so an instant counts exactly when {@link BusinessCalendar#working} says it does.
 */
public final class BusinessTimeCalculator {
    /** How far ahead a calendar may have no working time at all before the arithmetic gives up. */
    private static final int MAX_DAYS_WITHOUT_WORK = 3 * 366;

    private final BusinessCalendar calendar;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<HoursRange>> days;

    public BusinessTimeCalculator(BusinessCalendar calendar) {
        this.calendar = calendar;
        this.rules = calendar.zone().getRules();
        this.days = calendar.byDay();
        if (!calendar.aroundTheClock() && calendar.hours().isEmpty()) {
            throw new IllegalArgumentException("A calendar needs working hours, or to be around the clock");
        }
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** The instant by which {@code amount} of working time has passed since {@code start}, not counting pauses. */
    public Instant add(Instant start, Duration amount, List<Interval> pauses) {
        if (amount.isNegative()) throw new IllegalArgumentException("Working time to add cannot be negative");
        long left = amount.toSeconds();
        if (left == 0) return start;
        var skip = merged(pauses);
        Instant paused =
                skip.isEmpty() || !skip.getLast().open() ? null : skip.getLast().from();
        Instant cursor = start;
        while (true) {
            if (paused != null && !cursor.isBefore(paused)) {
                throw new IllegalArgumentException("The clock is paused from " + paused + " on; it has no due time");
            }
            Interval working = nextWorking(cursor);
            for (Interval piece : minus(working, skip)) {
                long length = length(piece).toSeconds();
                if (left <= length) return piece.from().plusSeconds(left);
                left -= length;
            }
            cursor = end(working);
        }
    }

    /** Working time in {@code [from, to)}, not counting pauses. */
    public Duration between(Instant from, Instant to, List<Interval> pauses) {
        if (!to.isAfter(from)) return Duration.ZERO;
        var skip = merged(pauses);
        long seconds = 0;
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Interval working = nextWorking(cursor);
            if (!working.from().isBefore(to)) break;
            Interval clipped = new Interval(working.from(), end(working).isAfter(to) ? to : working.to());
            for (Interval piece : minus(clipped, skip)) seconds += length(piece).toSeconds();
            cursor = end(working);
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * "Within N working days": the same local time on the Nth working day after the start, a start out of hours
     * counting from the next working moment (a Friday-evening ticket is due by the end of Monday). Where that day's
     * hours do not cover the time, the next working moment that day, or the day's end. Given as the earliest instant
     * with that much working time behind it, with paused time added on.
     */
    public Instant addWorkingDays(Instant start, int days, List<Interval> pauses) {
        if (days < 0) throw new IllegalArgumentException("Working days to add cannot be negative");
        Instant from = calendar.aroundTheClock() ? start : nextWorking(start).from();
        if (days == 0) return from;
        LocalDateTime local = LocalDateTime.ofInstant(from, calendar.zone());
        LocalDate date = local.toLocalDate();
        for (int found = 0, idle = 0; found < days; ) {
            date = date.plusDays(1);
            if (calendar.workingDay(date)) {
                found++;
                idle = 0;
            } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
                throw new IllegalStateException("No working day within three years");
            }
        }
        return add(from, between(from, onDay(date, local.toLocalTime()), List.of()), pauses);
    }

    /** The first working interval that ends after {@code cursor}, clipped to start no earlier than it. */
    Interval nextWorking(Instant cursor) {
        if (calendar.aroundTheClock()) return new Interval(cursor, cursor.plus(Duration.ofDays(3650)));
        Instant at = cursor;
        for (int guard = 0; guard <= MAX_DAYS_WITHOUT_WORK; ) {
            ZoneOffset offset = rules.getOffset(at);
            ZoneOffsetTransition transition = rules.nextTransition(at);
            Instant segmentEnd =
                    transition == null ? at.plus(Duration.ofDays(MAX_DAYS_WITHOUT_WORK)) : transition.getInstant();
            LocalDateTime localFrom = LocalDateTime.ofInstant(at, offset);
            LocalDateTime localTo = LocalDateTime.ofInstant(segmentEnd, offset);
            for (LocalDate date = localFrom.toLocalDate();
                    !date.isAfter(localTo.toLocalDate());
                    date = date.plusDays(1), guard++) {
                if (calendar.holidays().contains(date)) continue;
                for (HoursRange range : hours(date.getDayOfWeek())) {
                    LocalDateTime a = max(date.atStartOfDay().plusMinutes(range.fromMinute()), localFrom);
                    LocalDateTime b = min(date.atStartOfDay().plusMinutes(range.toMinute()), localTo);
                    if (a.isBefore(b)) return new Interval(a.toInstant(offset), b.toInstant(offset));
                }
            }
            at = segmentEnd;
        }
        throw new IllegalStateException("No working time within three years of " + cursor);
    }

    /** The working moment for a local time on a working day: the time itself, the next range's start, or the day's end. */
    private Instant onDay(LocalDate date, LocalTime time) {
        if (calendar.aroundTheClock()) return earliest(date.atTime(time));
        int minute = time.getHour() * 60 + time.getMinute();
        List<HoursRange> ranges = hours(date.getDayOfWeek());
        for (HoursRange range : ranges) {
            if (minute < range.fromMinute()) return earliest(date.atStartOfDay().plusMinutes(range.fromMinute()));
            if (minute < range.toMinute()) return earliest(date.atTime(time));
        }
        return earliest(date.atStartOfDay().plusMinutes(ranges.getLast().toMinute()));
    }

    /** The earliest instant showing this local time, or, in a spring-forward gap, the moment the clocks jump. */
    private Instant earliest(LocalDateTime local) {
        var offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) return rules.getTransition(local).getInstant();
        return offsets.stream()
                .map(local::toInstant)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    private static List<Interval> merged(List<Interval> pauses) {
        var sorted =
                pauses.stream().sorted(Comparator.comparing(Interval::from)).toList();
        var out = new ArrayList<Interval>();
        for (Interval p : sorted) {
            if (!out.isEmpty()) {
                Interval last = out.getLast();
                if (last.open() || !p.from().isAfter(last.to())) {
                    Instant end =
                            last.to() == null || p.to() == null ? null : p.to().isAfter(last.to()) ? p.to() : last.to();
                    out.set(out.size() - 1, new Interval(last.from(), end));
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    /** Every day has its (maybe empty) list of hours. */
    private List<HoursRange> hours(DayOfWeek day) {
        return Objects.requireNonNull(days.get(day), "byDay() lists every day");
    }

    /** Working intervals, and the pieces cut from them, always end. */
    private static Instant end(Interval closed) {
        return Objects.requireNonNull(closed.to(), "a working interval is closed");
    }

    private static Duration length(Interval closed) {
        return Duration.between(closed.from(), end(closed));
    }

    /** A closed interval minus sorted, merged pauses. */
    private static List<Interval> minus(Interval working, List<Interval> pauses) {
        var pieces = new ArrayList<Interval>();
        Instant from = working.from();
        for (Interval p : pauses) {
            if (p.to() != null && !p.to().isAfter(from)) continue;
            if (!p.from().isBefore(working.to())) break;
            if (p.from().isAfter(from)) pieces.add(new Interval(from, p.from()));
            if (p.to() == null || !p.to().isBefore(working.to())) return pieces;
            from = p.to();
        }
        pieces.add(new Interval(from, working.to()));
        return pieces;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
