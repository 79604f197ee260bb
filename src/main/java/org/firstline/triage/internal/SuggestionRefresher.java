package org.firstline.triage.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.firstline.platform.LiveChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a ticket's stored suggestions: a new ticket's in the transaction that opens it, or off the request thread a
 * few at a time so that a burst cannot take every database connection; tickets on the desk still without one are
 * filled in by {@link #fillMissing}.
 */
@Component
public class SuggestionRefresher {
    private static final Logger log = LoggerFactory.getLogger(SuggestionRefresher.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<org.firstline.triage.SuggestionService> suggestions;
    private final LiveChannel live;
    /** New tickets waiting for a slot; past that, a burst (an import, a mail storm) is left to {@link #fillMissing}. */
    static final int MAX_WAITING = 1_000;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(4);
    private final Semaphore waiting = new Semaphore(MAX_WAITING);
    private final java.util.concurrent.atomic.AtomicLong deferred = new java.util.concurrent.atomic.AtomicLong();

    SuggestionRefresher(
            JdbcClient jdbc, ObjectProvider<org.firstline.triage.SuggestionService> suggestions, LiveChannel live) {
        this.jdbc = jdbc;
        this.suggestions = suggestions;
        this.live = live;
    }

    /**
     * Computes the ticket's suggestions soon, unless {@value #MAX_WAITING} are waiting already. Nothing is lost then:
     * the ticket is waiting on the desk with no stored suggestion, which is exactly what {@link #fillMissing} looks
     * for, and triage's background step runs it every few seconds on every node.
     */
    void refreshLater(long ticketId) {
        if (!waiting.tryAcquire()) {
            if (deferred.getAndIncrement() % MAX_WAITING == 0) {
                log.info(
                        "More than {} new tickets wait for suggestions; the rest are filled in by the background step",
                        MAX_WAITING);
            }
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    slots.acquireUninterruptibly();
                    try {
                        refresh(ticketId);
                    } finally {
                        slots.release();
                    }
                } finally {
                    waiting.release();
                }
            });
        } catch (RuntimeException e) {
            // the executor is shut down: the application is stopping, and the background step catches up after start
            waiting.release();
        }
    }

    /**
     * Computes a new ticket's suggestions in the transaction that opens it: one commit for both, and the background
     * step never finds it without them while a separate computation is still on its way. A database error fails the
     * create like any other of its statements; anything else is tried again after commit (with {@code later}).
     */
    void refreshWithin(long ticketId, java.util.function.Consumer<Runnable> later) {
        try {
            suggestions.getObject().refreshOpened(ticketId);
            live.announce("suggestion", ticketId);
        } catch (org.springframework.dao.DataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Could not compute suggestions for new ticket {}; trying again after it is saved", ticketId, e);
            later.accept(() -> refreshLater(ticketId));
        }
    }

    public void refresh(long ticketId) {
        try {
            suggestions.getObject().refresh(ticketId);
            live.announce("suggestion", ticketId);
        } catch (RuntimeException e) {
            log.warn("Could not compute suggestions for ticket {}", ticketId, e);
        }
    }

    /** Computes suggestions for waiting tickets that have none; returns how many it did. */
    public int fillMissing(int limit) {
        var missing = jdbc.sql("""
                select t.id from ticket t where t.team_id is null and t.status in ('NEW', 'OPEN')
                  and not exists (select 1 from ticket_suggestion s where s.ticket_id = t.id)
                order by t.created_at limit ?""").param(limit).query(Long.class).list();
        missing.forEach(this::refresh);
        return missing.size();
    }
}
