package org.firstline.sla.internal;

import java.util.List;
import org.firstline.sla.SlaAlertsRaised;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells people of recorded warnings and breaches: claims the ones nobody was told of, publishes them as one
 * {@link SlaAlertsRaised} so mail and channels can send a digest instead of one message per ticket, and marks them
 * told in the same transaction. Each publication runs in a savepoint: when a listener fails, the batch is split in
 * halves and each half told on its own, down to the one alert that fails, which alone is rolled back and counted
 * against its attempts, while the rest of the batch goes out.
 */
@Component
public class SlaNotifier {

    private record Round(int claimed, int told, long lastId) {}

    private final AlertQueue queue;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final ApplicationEventPublisher events;

    SlaNotifier(AlertQueue queue, PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.queue = queue;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
    }

    /** Returns how many alerts went out. */
    public int notifyRecorded() {
        int told = 0;
        long after = 0;
        while (true) {
            long from = after;
            Round round = transactions.execute(status -> notifyBatch(from));
            told += round.told();
            after = round.lastId();
            if (round.claimed() < queue.batchSize()) return told;
        }
    }

    private Round notifyBatch(long after) {
        var claimed = queue.claim(after);
        if (claimed.isEmpty()) return new Round(0, 0, after);
        // alerts that failed before are told one by one, so one that still fails costs the fresh ones no digest
        int told = tell(claimed.stream().filter(c -> c.attempts() == 0).toList());
        for (var retry : claimed.stream().filter(c -> c.attempts() > 0).toList()) told += tell(List.of(retry));
        return new Round(claimed.size(), told, claimed.getLast().alert().eventId());
    }

    private int tell(List<AlertQueue.Claimed> alerts) {
        if (alerts.isEmpty()) return 0;
        Throwable failure = publish(alerts);
        if (failure == null) return alerts.size();
        if (alerts.size() == 1) {
            queue.failed(alerts.getFirst(), failure);
            return 0;
        }
        int half = alerts.size() / 2;
        return tell(alerts.subList(0, half)) + tell(alerts.subList(half, alerts.size()));
    }

    /** Publishes in a savepoint; null when it went out, else what failed (and all the listeners wrote is undone). */
    private @Nullable Throwable publish(List<AlertQueue.Claimed> alerts) {
        try {
            savepoints.executeWithoutResult(status -> {
                events.publishEvent(new SlaAlertsRaised(
                        alerts.stream().map(AlertQueue.Claimed::alert).toList()));
                queue.told(alerts);
            });
            return null;
        } catch (RuntimeException | Error e) {
            // an Error too: a listener's stack overflow on one odd subject must not stop every other alert
            return e;
        }
    }
}
