package org.firstline.email.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.firstline.email.internal.InboundMailFiler.Filed;
import org.firstline.email.internal.InboundMailFiler.Outcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A sender who writes more than {@code firstline.email.sender-limit-per-hour} messages an hour (a broken script, an
 * auto-reply war) waits in quarantine, where an admin can still file the messages.
 */
@Component
class SenderRateLimit implements IntakeFilter {
    private final InboundMessages messages;
    private final Clock clock;
    private final int limitPerHour;

    SenderRateLimit(
            InboundMessages messages,
            Clock clock,
            @Value("${firstline.email.sender-limit-per-hour:30}") int limitPerHour) {
        this.messages = messages;
        this.clock = clock;
        this.limitPerHour = limitPerHour;
    }

    @Override
    public Optional<Filed> apply(Intake intake) {
        String sender = intake.mail().fromAddress();
        // the message itself is recorded already, so it counts
        int recent = messages.fromSenderSince(sender, clock.instant().minus(Duration.ofHours(1)));
        if (recent <= limitPerHour) {
            return Optional.empty();
        }
        return Optional.of(new Filed(
                Outcome.QUARANTINED,
                null,
                null,
                "more than " + limitPerHour + " messages from " + sender
                        + " in the last hour: held as a possible mail storm"));
    }
}
