package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTimesTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final DisplayTimes times = new DisplayTimes(Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} s from now reads \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
                  0 | just now
                 59 | just now
                -59 | just now
                 60 | in 1 min
                -60 | 1 min ago
               2400 | in 40 min
              -2400 | 40 min ago
               3599 | in 59 min
               3600 | in 1 h
               5340 | in 1 h
               7140 | in 2 h
             -97200 | 27 h ago
              97200 | in 27 h
             171000 | in 2 d
             169199 | in 47 h
             172800 | in 2 d
            -259200 | 3 d ago
            """)
    void readsPastAndFutureInstantsRelativeToNow(long seconds, String expected) {
        assertThat(times.relative(NOW.plus(Duration.ofSeconds(seconds)))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void saysNothingOfNoInstant() {
        assertThat(times.relative(null)).isEmpty();
    }
}
