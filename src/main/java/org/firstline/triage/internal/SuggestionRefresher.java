package org.firstline.triage.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes a new ticket's stored suggestions off the request thread, a few at a time so that a burst of new tickets
 * cannot take every database connection; tickets on the desk still without one are filled in by {@link #fillMissing}.
 */
@Component
public class SuggestionRefresher {
    private static final Logger log = LoggerFactory.getLogger(SuggestionRefresher.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<org.firstline.triage.SuggestionService> suggestions;
    private final LiveChannel live;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(4);

    SuggestionRefresher(JdbcClient jdbc, ObjectProvider<org.firstline.triage.SuggestionService> suggestions, LiveChannel live) {
        this.jdbc = jdbc;
        this.suggestions = suggestions;
        this.live = live;
    }

    void refreshLater(long ticketId) {
        executor.execute(() -> {
            slots.acquireUninterruptibly();
            try {
                refresh(ticketId);
            } finally {
                slots.release();
            }
        });
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
