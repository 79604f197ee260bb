package org.firstline.platform;

import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for every open desk and ticket page on every node. A change is announced with PostgreSQL's NOTIFY in
 * the transaction that made it, so it goes out only if that commits; each node LISTENs on one connection of its own
 * and passes what it hears to the browsers connected to it as Server-Sent Events.
 */
@Component
public class LiveChannel implements SmartLifecycle {
    static final String CHANNEL = "firstline_live";
    /**
     * A stream ends after this long and the browser opens a new one: a stream whose browser vanished without a word
     * (a laptop lid, a dropped proxy) is let go at the latest then, with its request and its place in the list.
     */
    static final java.time.Duration STREAM_LIFETIME = java.time.Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);

    /** One browser's stream, and which events it wants. */
    private record Subscriber(SseEmitter emitter, Predicate<String> wants) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile @Nullable Thread listener;
    private final java.util.concurrent.atomic.AtomicLong heard = new java.util.concurrent.atomic.AtomicLong();

    LiveChannel(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Hears every event this node hears, on the listening thread: for caches that must follow changes made on any
     * node. A listener must be quick and must not throw.
     */
    public void listen(java.util.function.Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * Announces an event (kind:id) to every node once the current transaction commits. A transaction's announcements
     * go out in one statement just before it commits, each once: a create that announces its ticket and then its
     * suggestion costs one round trip, not two.
     */
    public void announce(String kind, long ticketId) {
        String payload = kind + ":" + ticketId;
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            notifyNodes(List.of(payload));
            return;
        }
        for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Announcements pending) {
                pending.payloads.add(payload);
                return;
            }
        }
        var pending = new Announcements();
        pending.payloads.add(payload);
        TransactionSynchronizationManager.registerSynchronization(pending);
    }

    private void notifyNodes(java.util.Collection<String> payloads) {
        jdbc.sql("select count(pg_notify(?, p)) from unnest(?::text[]) p")
                .params(CHANNEL, payloads.toArray(String[]::new))
                .query()
                .singleRow();
    }

    /** The current transaction's announcements; kept by the transaction itself, so a nested one keeps its own. */
    private final class Announcements implements TransactionSynchronization {
        final java.util.Set<String> payloads = new java.util.LinkedHashSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            notifyNodes(payloads);
        }
    }

    public SseEmitter subscribe(Predicate<String> wants) {
        return subscribe(new SseEmitter(STREAM_LIFETIME.toMillis()), wants);
    }

    SseEmitter subscribe(SseEmitter emitter, Predicate<String> wants) {
        var subscriber = new Subscriber(emitter, wants);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            // ended cleanly, so the browser's EventSource connects again at once and reads the page afresh
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(e -> subscribers.remove(subscriber));
        send(subscriber, SseEmitter.event().comment("connected"));
        return emitter;
    }

    /** How many notifications this node has heard; tests wait on it instead of sleeping. */
    public long heard() {
        return heard.get();
    }

    public int subscribers() {
        return subscribers.size();
    }

    private void dispatch(String payload) {
        heard.incrementAndGet();
        for (var listener : listeners) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                log.warn("Live update {} was not taken in", payload, e);
            }
        }
        for (Subscriber s : subscribers) {
            boolean wanted;
            try {
                wanted = s.wants().test(payload);
            } catch (RuntimeException e) {
                log.warn("Live update {} could not be matched", payload, e);
                continue;
            }
            if (wanted) send(s, SseEmitter.event().name("change").data(payload));
        }
    }

    private void keepAlive() {
        for (Subscriber s : subscribers) send(s, SseEmitter.event().comment("ping"));
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (s) {
                s.emitter().send(event);
            }
        } catch (IOException | RuntimeException e) {
            // a browser that went away can surface as any of these, depending on when the container noticed;
            // whatever it was, it must not stop this node's updates for everyone else
            subscribers.remove(s);
            try {
                s.emitter().completeWithError(e);
            } catch (RuntimeException alreadyGone) {
                log.debug("Live stream already closed", alreadyGone);
            }
        }
    }

    private void listen() {
        long lastPing = System.nanoTime();
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) dispatch(n.getParameter());
                    }
                    if (System.nanoTime() - lastPing > 20_000_000_000L) {
                        keepAlive();
                        lastPing = System.nanoTime();
                    }
                }
            } catch (Throwable e) {
                // an Error too: a listener that died would leave every desk on this node silently stale
                if (!running) return;
                log.warn("Live updates stopped; listening again", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("live-updates").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = listener;
        if (t != null) t.interrupt();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
