package org.firstline.survey;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The surveys of one group sent in one period.
 *
 * @param groupId the agent, team or organization; null for tickets that had none when resolved
 * @param period the first day of the week (a Monday) or month
 * @param responseRate answered in percent of sent
 * @param ratings how many answers gave each rating, keyed "1" to "5"
 * @param csat share of answers rating 4 or 5, in percent; null without answers
 */
public record SatisfactionRow(
        @Nullable Long groupId,
        String group,
        LocalDate period,
        long sent,
        long answered,
        double responseRate,
        @Nullable Double averageRating,
        Map<String, Long> ratings,
        @Nullable Double csat) {

    static SatisfactionRow of(@Nullable Long groupId, String group, LocalDate period, long sent, long[] perRating) {
        long answered = 0, sum = 0;
        var ratings = new java.util.LinkedHashMap<String, Long>();
        for (int r = 1; r <= 5; r++) {
            ratings.put(String.valueOf(r), perRating[r - 1]);
            answered += perRating[r - 1];
            sum += r * perRating[r - 1];
        }
        return new SatisfactionRow(
                groupId,
                group,
                period,
                sent,
                answered,
                sent == 0 ? 0.0 : Math.round(1000.0 * answered / sent) / 10.0,
                answered == 0 ? null : Math.round(100.0 * sum / answered) / 100.0,
                java.util.Collections.unmodifiableMap(ratings),
                answered == 0 ? null : Math.round(1000.0 * (perRating[3] + perRating[4]) / answered) / 10.0);
    }
}
