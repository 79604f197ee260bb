package org.firstline.survey;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.firstline.platform.InvalidRequestException;

/** The report's time buckets: ISO weeks (from Monday) or calendar months, in UTC. */
public enum ReportPeriod {
    WEEK,
    MONTH;

    public static ReportPeriod parse(String text) {
        for (var period : values()) {
            if (period.name().equalsIgnoreCase(text.strip())) return period;
        }
        throw new InvalidRequestException("period", "must be week or month");
    }

    /** The first day of the period the day falls in. */
    public LocalDate start(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The start of the period {@code count} periods before the one the day falls in. */
    LocalDate periodsBefore(LocalDate day, int count) {
        return this == WEEK ? start(day).minusWeeks(count) : start(day).minusMonths(count);
    }
}
