package org.firstline.oncall;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Time off in lieu as dxw earns it from out-of-hours pages. A page less than an hour after an episode's first page
 * joins that episode (the hour does not slide with later pages); an episode earns a quarter day, or half a day if
 * any page in it woke the person; work past its first hour adds a quarter day per started hour. Only out-of-hours
 * work counts: the part of the work that runs into business hours earns nothing.
 */
public final class ToilRules {
    static final Duration EPISODE = Duration.ofMinutes(60);
    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    /** Pages grouped into episodes, in time order. */
    public record Episode(Instant firstPage, List<Instant> pages) {}

    private ToilRules() {}

    /** The episodes of one person's out-of-hours pages, in any order given. */
    public static List<Episode> episodes(List<Instant> pages) {
        List<Instant> sorted = pages.stream().sorted().toList();
        List<Episode> episodes = new ArrayList<>();
        List<Instant> current = new ArrayList<>();
        for (Instant page : sorted) {
            if (!current.isEmpty() && !page.isBefore(current.get(0).plus(EPISODE))) {
                episodes.add(new Episode(current.get(0), List.copyOf(current)));
                current = new ArrayList<>();
            }
            current.add(page);
        }
        if (!current.isEmpty()) episodes.add(new Episode(current.get(0), List.copyOf(current)));
        return episodes;
    }

    /** Days earned by an episode: whether a page woke them, and its out-of-hours minutes of work. */
    public static BigDecimal days(boolean woke, long outOfHoursMinutesWorked) {
        if (outOfHoursMinutesWorked < 0) throw new IllegalArgumentException("minutes worked cannot be negative");
        BigDecimal days = woke ? QUARTER.add(QUARTER) : QUARTER;
        long beyond = Math.max(0, outOfHoursMinutesWorked - EPISODE.toMinutes());
        long startedHours = (beyond + 59) / 60;
        return days.add(QUARTER.multiply(BigDecimal.valueOf(startedHours)));
    }

    /** The minutes of work from {@code start} that fall outside business hours ({@code inHours} says, per minute). */
    public static long outOfHoursMinutes(Instant start, long minutesWorked, Predicate<Instant> inHours) {
        long outside = 0;
        for (long minute = 0; minute < minutesWorked; minute++) {
            if (!inHours.test(start.plus(Duration.ofMinutes(minute)))) outside++;
        }
        return outside;
    }
}
