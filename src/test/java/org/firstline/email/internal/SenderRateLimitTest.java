package org.firstline.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.junit.jupiter.api.Test;

class SenderRateLimitTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final InboundMessages messages = mock(InboundMessages.class);
    private final SenderRateLimit filter = new SenderRateLimit(messages, Clock.fixed(NOW, ZoneOffset.UTC), 30);

    @Test
    void theThirtiethMessageOfTheHourIsFiled() {
        when(messages.fromSenderSince("storm@customer.test", Instant.parse("2026-11-30T11:00:00Z")))
                .thenReturn(30);
        assertThat(filter.apply(Intakes.of(Intakes.mail("storm@customer.test"))))
                .isEmpty();
    }

    @Test
    void theThirtyFirstWaitsInQuarantineAsAPossibleMailStorm() {
        when(messages.fromSenderSince("storm@customer.test", Instant.parse("2026-11-30T11:00:00Z")))
                .thenReturn(31);
        var filed =
                filter.apply(Intakes.of(Intakes.mail("storm@customer.test"))).orElseThrow();
        assertThat(filed.outcome()).isEqualTo(Outcome.QUARANTINED);
        assertThat(filed.reason())
                .isEqualTo(
                        "more than 30 messages from storm@customer.test in the last hour: held as a possible mail storm");
    }
}
