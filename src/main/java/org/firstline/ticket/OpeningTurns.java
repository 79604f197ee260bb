package org.firstline.ticket;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * New tickets, whichever way they arrive (the API, the form, mail), are opened a few at a time in arrival order; the
 * rest wait their turn before they take a database connection. During a surge (an incident, hundreds of customers
 * at once) the desk then still finds connections and CPU to answer agents, and the database does the same work with
 * less contention.
 */
@Component
public class OpeningTurns {
    private final Semaphore turns;

    public OpeningTurns(@Value("${firstline.ticket.concurrent-opens:4}") int concurrentOpens) {
        this.turns = new Semaphore(Math.max(1, concurrentOpens), true);
    }

    public void take() throws InterruptedException {
        turns.acquire();
    }

    public void give() {
        turns.release();
    }

    /** Runs {@code work} in its turn. */
    public <T> T inTurn(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
