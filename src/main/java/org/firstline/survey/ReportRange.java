package org.firstline.survey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The days (UTC, both included) whose sent surveys the report counts. Without dates: the last 12 weeks or months up
 * to today.
 */
public record ReportRange(LocalDate from, LocalDate to) {
    /** Ten years: more than any desk's history, and a bounded query. */
    static final int MAX_DAYS = 3660;

    public ReportRange {
        if (to.isBefore(from)) throw new InvalidRequestException("to", "must not be before from");
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidRequestException("from", "must be at most " + MAX_DAYS + " days before to");
        }
    }

    public static ReportRange of(ReportPeriod period, @Nullable String from, @Nullable String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? period.periodsBefore(end, 11) : date("from", from);
        return new ReportRange(start, end);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date like 2026-11-30");
        }
    }
}
