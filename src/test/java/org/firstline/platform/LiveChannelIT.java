package org.firstline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.firstline.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Notifications fan out to every stream on this node, and one broken stream does not stop the others. */
class LiveChannelIT extends ApiTest {
    @Autowired
    LiveChannel live;

    @Autowired
    TransactionTemplate transactions;

    /** Remembers how many events it was sent. */
    static class Recording extends SseEmitter {
        final List<Object> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            sent.add(builder);
        }
    }

    /** A browser that went away in a way the container reports as an unchecked exception. */
    static class Broken extends SseEmitter {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (calls.incrementAndGet() > 1) throw new NullPointerException("response already recycled");
        }
    }

    @Test
    void aStreamThatFailsWithAnUncheckedErrorIsDroppedAndTheOthersKeepHearing() {
        var broken = new Broken();
        var healthy = new Recording();
        live.subscribe(broken, payload -> true);
        live.subscribe(healthy, payload -> payload.startsWith("ticket:"));
        int before = healthy.sent.size();

        announce("ticket", 1);
        waitUntil(() -> healthy.sent.size() == before + 1);
        assertThat(broken.calls.get()).isEqualTo(2);

        // the listener survived the broken stream: the next change still arrives, and the broken one is gone
        announce("claim", 2);
        announce("ticket", 3);
        waitUntil(() -> healthy.sent.size() == before + 2);
        assertThat(broken.calls.get()).isEqualTo(2);
    }

    @Test
    void aStreamWhoseFilterFailsMissesThatEventOnly() {
        var picky = new Recording();
        var healthy = new Recording();
        live.subscribe(picky, payload -> {
            if (payload.endsWith(":-1")) throw new IllegalArgumentException("no such ticket");
            return true;
        });
        live.subscribe(healthy, payload -> payload.startsWith("ticket:"));
        int pickyBefore = picky.sent.size();
        int before = healthy.sent.size();

        announce("ticket", -1);
        announce("ticket", 5);
        waitUntil(() -> healthy.sent.size() == before + 2);
        waitUntil(() -> picky.sent.size() == pickyBefore + 1);
        assertThat(picky.sent).hasSize(pickyBefore + 1);
    }

    @Test
    void aTransactionsAnnouncementsGoOutOnceEachWhenItCommitsAndNotAtAllWhenItRollsBack() {
        var heard = new CopyOnWriteArrayList<String>();
        live.listen(payload -> {
            if (payload.startsWith("batch:")) heard.add(payload);
        });

        transactions.executeWithoutResult(s -> {
            live.announce("batch", 1);
            live.announce("batch", 2);
            live.announce("batch", 1);
            live.announce("batch", 3);
        });
        waitUntil(() -> heard.size() >= 3);
        assertThat(heard).containsExactly("batch:1", "batch:2", "batch:3");

        transactions.executeWithoutResult(s -> {
            live.announce("batch", 4);
            s.setRollbackOnly();
        });
        live.announce("batch", 5); // outside a transaction: at once
        waitUntil(() -> heard.size() >= 4);
        assertThat(heard).containsExactly("batch:1", "batch:2", "batch:3", "batch:5");
    }

    private void announce(String kind, long id) {
        transactions.executeWithoutResult(s -> live.announce(kind, id));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 5 s").isBefore(end);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
