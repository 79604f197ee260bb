package org.firstline.email.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.firstline.ticket.OpeningTurns;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How much mail is filed at once: a batch reads and parses up to {@code firstline.email.intake-parallelism} messages
 * side by side, and each waits for a turn among all new tickets (API, form and mail alike) before it is filed.
 */
@Component
class MailIntakeTurns {
    private final int parallelism;
    private final OpeningTurns openings;

    MailIntakeTurns(@Value("${firstline.email.intake-parallelism:8}") int parallelism, OpeningTurns openings) {
        this.parallelism = parallelism;
        this.openings = openings;
    }

    Semaphore perBatch() {
        return new Semaphore(parallelism);
    }

    <T> T inTurn(Supplier<T> filing) {
        return openings.inTurn(filing);
    }
}
