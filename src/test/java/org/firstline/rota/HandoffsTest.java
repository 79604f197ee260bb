package org.firstline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandoffsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aWeeklyHandoffKeepsItsLocalTimeAcrossBothChangesOfTheClocks() {
        var dxw = new Handoffs(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), LONDON, 7);
        // 2026: clocks go forward on Sunday 29 March and back on Sunday 25 October in London
        var starts = dxw.starts(LocalDate.of(2026, 3, 25), 2);
        assertThat(starts.get(0)).isEqualTo(Instant.parse("2026-03-25T10:00:00Z"));
        assertThat(starts.get(1)).isEqualTo(Instant.parse("2026-04-01T09:00:00Z"));
        assertThat(Duration.between(starts.get(0), starts.get(1))).isEqualTo(Duration.ofHours(7 * 24 - 1));
        var autumn = dxw.starts(LocalDate.of(2026, 10, 21), 2);
        assertThat(Duration.between(autumn.get(0), autumn.get(1))).isEqualTo(Duration.ofHours(7 * 24 + 1));
    }

    @Test
    void aLocalTimeTheClocksSkipMovesToTheNextMinuteThatExists() {
        var night = new Handoffs(DayOfWeek.SUNDAY, LocalTime.of(1, 30), LONDON, 7);
        // 01:00–02:00 does not exist in London on 29 March 2026: 01:30 becomes 02:00 BST, 01:00 UTC
        assertThat(night.at(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        var newYork = new Handoffs(DayOfWeek.SUNDAY, LocalTime.of(2, 30), ZoneId.of("America/New_York"), 7);
        // 02:00–03:00 does not exist in New York on 8 March 2026: 02:30 becomes 03:00 EDT
        assertThat(newYork.at(LocalDate.of(2026, 3, 8)))
                .isEqualTo(ZonedDateTime.parse("2026-03-08T03:00-04:00[America/New_York]")
                        .toInstant());
    }

    @Test
    void anOverrideTypedInTheSkippedHourStartsAtTheNextMinuteThatExistsToo() {
        assertThat(Handoffs.instant(java.time.LocalDateTime.parse("2027-03-28T01:30"), LONDON))
                .as("not 02:30 BST, which would lose half an hour of cover")
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
        assertThat(Handoffs.instant(java.time.LocalDateTime.parse("2026-10-25T01:30"), LONDON))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void aLocalTimeTheClocksRepeatIsItsFirstOccurrence() {
        var night = new Handoffs(DayOfWeek.SUNDAY, LocalTime.of(1, 30), LONDON, 7);
        // 01:00–02:00 happens twice in London on 25 October 2026: first in BST (00:30 UTC), then in GMT (01:30 UTC)
        assertThat(night.at(LocalDate.of(2026, 10, 25))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        var sydney = new Handoffs(DayOfWeek.SUNDAY, LocalTime.of(2, 30), ZoneId.of("Australia/Sydney"), 7);
        // 02:00–03:00 happens twice in Sydney on 5 April 2026: first at +11:00
        assertThat(sydney.at(LocalDate.of(2026, 4, 5)))
                .isEqualTo(ZonedDateTime.parse("2026-04-05T02:30+11:00").toInstant());
    }

    /**
     * Every handoff minute of the day, weekly and daily, for two years in three zones with opposite seasons: shifts
     * never overlap or leave a gap, each starts on its weekday at its local time (or the first minute after a skipped
     * one), and every instant belongs to exactly the shift that holds it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "America/New_York", "Australia/Sydney"})
    void shiftsTileTwoYearsWithoutGapOrOverlapAtEveryHandoffTime(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        for (int minute = 0; minute < 24 * 60; minute += 15) {
            LocalTime time = LocalTime.of(minute / 60, minute % 60);
            for (int length : new int[] {1, 7}) {
                var handoffs = new Handoffs(DayOfWeek.WEDNESDAY, time, zone, length);
                LocalDate first = handoffs.firstDate(LocalDate.of(2026, 1, 1));
                var starts = handoffs.starts(first, 2 * 365 / length);
                for (int i = 1; i < starts.size(); i++) {
                    Instant previous = starts.get(i - 1), start = starts.get(i);
                    assertThat(start).as("%s %s shift %d", zoneName, time, i).isAfter(previous);
                    LocalDate date = first.plusDays((long) i * length);
                    var local = start.atZone(zone);
                    assertThat(local.toLocalDate()).isEqualTo(date);
                    // the local time, or the first minute after the clocks skipped it (never more than an hour on)
                    assertThat(Duration.between(date.atTime(time), local.toLocalDateTime()))
                            .isBetween(Duration.ZERO, Duration.ofHours(1));
                    assertThat(handoffs.shiftDateOf(first, start)).isEqualTo(date);
                    assertThat(handoffs.shiftDateOf(first, start.minusSeconds(1)))
                            .isEqualTo(date.minusDays(length));
                }
            }
        }
    }
}
