package org.firstline.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The rules worked by hand on the cases dxw's write-up names. */
class ToilRulesTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    // business hours 09:00–17:30 London time, every day, for these cases
    private static final Predicate<Instant> IN_HOURS = t -> {
        LocalTime local = t.atZone(LONDON).toLocalTime();
        return !local.isBefore(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(17, 30));
    };

    @Test
    void severalPagesWithinAnHourOfTheFirstAreOneEpisodeAndTheHourDoesNotSlide() {
        var episodes = ToilRules.episodes(List.of(
                at("2026-01-14T02:00:00Z"),
                at("2026-01-14T02:20:00Z"),
                at("2026-01-14T02:59:00Z"),
                // exactly an hour after the first page: a new episode, though 1 minute after the last one
                at("2026-01-14T03:00:00Z"),
                at("2026-01-14T03:40:00Z")));
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).pages()).hasSize(3);
        assertThat(episodes.get(1).firstPage()).isEqualTo(at("2026-01-14T03:00:00Z"));
        assertThat(episodes.get(1).pages()).hasSize(2);
    }

    @Test
    void aPageAt2350AndOneAt0040AreOneEpisodeAcrossMidnight() {
        var episodes = ToilRules.episodes(List.of(at("2026-01-15T00:40:00Z"), at("2026-01-14T23:50:00Z")));
        assertThat(episodes).hasSize(1);
        assertThat(episodes.get(0).firstPage()).isEqualTo(at("2026-01-14T23:50:00Z"));
    }

    @Test
    void anEpisodeEarnsAQuarterOrHalfADayAndAQuarterPerStartedHourBeyondTheFirst() {
        assertThat(ToilRules.days(false, 20)).isEqualByComparingTo("0.25");
        assertThat(ToilRules.days(true, 20)).isEqualByComparingTo("0.5");
        assertThat(ToilRules.days(false, 60)).isEqualByComparingTo("0.25");
        assertThat(ToilRules.days(false, 61)).isEqualByComparingTo("0.5");
        assertThat(ToilRules.days(true, 180)).isEqualByComparingTo("1.0");
        assertThat(ToilRules.days(true, 181)).isEqualByComparingTo(new BigDecimal("1.25"));
    }

    @Test
    void workRunningIntoTheMorningCountsOnlyUntilBusinessHoursBegin() {
        // paged at 05:30, woke, worked four hours until 09:30: 210 minutes before 09:00 count
        long outside = ToilRules.outOfHoursMinutes(at("2026-01-14T05:30:00Z"), 240, IN_HOURS);
        assertThat(outside).isEqualTo(210);
        // half a day for the waking page, then 150 minutes beyond the first hour: three started hours
        assertThat(ToilRules.days(true, outside)).isEqualByComparingTo("1.25");
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
