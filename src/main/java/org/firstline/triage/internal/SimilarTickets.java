package org.firstline.triage.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node's index of resolved tickets for "similar tickets": the newest {@value #MAX_TICKETS} resolved or closed
 * ones, as far as their text fits {@link TextBudget#MODELS}, rebuilt in the background after tickets were resolved (at most once a minute) and with every training.
 */
@Component
public class SimilarTickets {
    static final int MAX_TICKETS = 50_000;
    private static final TextBudget BUDGET = TextBudget.MODELS;

    private final JdbcClient jdbc;
    private volatile SimilarIndex index = SimilarIndex.empty();
    private volatile boolean stale = true;

    SimilarTickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SimilarIndex.Match> find(String subject, String body, long excludeId, int limit) {
        return index.query(subject, body, excludeId, limit);
    }

    /** A ticket was resolved: the next rebuild takes it in. */
    public void markStale() {
        stale = true;
    }

    public boolean stale() {
        return stale;
    }

    public int size() {
        return index.size();
    }

    public synchronized void rebuild() {
        stale = false;
        var entries = jdbc.sql("""
                with newest as (
                    select t.id, t.updated_at, left(t.subject, :perText) as subject,
                           left(coalesce((select m.body from message m where m.ticket_id = t.id order by m.id limit 1), ''), :perText) as body
                    from ticket t where t.status in ('RESOLVED', 'CLOSED') and t.resolution is distinct from 'DUPLICATE'
                    order by t.updated_at desc, t.id desc limit :max
                )
                select id, subject, body from (
                    select newest.*, sum(length(subject) + length(body)) over (order by updated_at desc, id desc) as running from newest
                ) budgeted where running <= :total
                order by updated_at desc, id desc""")
                .param("perText", BUDGET.perText())
                .param("max", MAX_TICKETS)
                .param("total", BUDGET.total())
                .query((rs, n) -> new SimilarIndex.Entry(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        index = SimilarIndex.build(entries);
    }
}
