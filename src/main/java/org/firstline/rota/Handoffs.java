package org.firstline.rota;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * When a rotation's shifts begin: at a local weekday and time in the rotation's own time zone, every
 * {@code lengthDays} days, so a handoff at Wednesday 10:00 in London stays at 10:00 through both daylight-saving
 * changes (the shift across a change is an hour shorter or longer, not moved). A local time the clocks skip (02:30 on
 * the night they go forward) moves to the next minute that exists (03:00); one they repeat (01:30 on the night they go
 * back) is its first occurrence.
 *
 * @param handoffDay the weekday a shift begins (dxw: Wednesday; Tilt: Monday)
 * @param handoffTime the local time it begins
 * @param lengthDays the length of a shift in days: 7 for a week, 1 for a day
 */
public record Handoffs(DayOfWeek handoffDay, LocalTime handoffTime, ZoneId zone, int lengthDays) {
    public Handoffs {
        if (lengthDays < 1 || lengthDays > 28) throw new IllegalArgumentException("a shift lasts 1 to 28 days");
    }

    /** The instant a shift begins on a local date: the handoff time that day, or the next minute that exists. */
    public Instant at(LocalDate date) {
        return instant(date.atTime(handoffTime), zone);
    }

    /**
     * A local time in a zone as the rotas read it: a time that does not exist (the spring gap) moves to the next
     * minute that does; a repeated one (the autumn overlap) is the first.
     */
    public static Instant instant(LocalDateTime local, ZoneId zone) {
        var rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            // in a gap: the transition is the first instant after it, the gap's end in local time
            return rules.getTransition(local).getInstant();
        }
        // in an overlap ofLocal takes the earlier offset: the first occurrence
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** The local date of the first handoff on or after {@code from}'s date whose weekday is the handoff day. */
    public LocalDate firstDate(LocalDate from) {
        return from.with(TemporalAdjusters.nextOrSame(handoffDay));
    }

    /** The starts of {@code count} shifts, the first on {@code firstDate}; each shift ends where the next begins. */
    public List<Instant> starts(LocalDate firstDate, int count) {
        List<Instant> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) starts.add(at(firstDate.plusDays((long) i * lengthDays)));
        return starts;
    }

    /** The local date of the shift that holds {@code instant}, counted from a shift that began on {@code anchor}. */
    public LocalDate shiftDateOf(LocalDate anchor, Instant instant) {
        LocalDate local = instant.atZone(zone).toLocalDate();
        long days = java.time.temporal.ChronoUnit.DAYS.between(anchor, local);
        long shift = Math.floorDiv(days, lengthDays);
        LocalDate candidate = anchor.plusDays(shift * lengthDays);
        // before the handoff time on the handoff day, the previous shift still holds
        return instant.isBefore(at(candidate)) ? candidate.minusDays(lengthDays) : candidate;
    }
}
