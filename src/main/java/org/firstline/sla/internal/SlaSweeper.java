package org.firstline.sla.internal;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due clocks: claims what is due with one indexed query (FOR UPDATE SKIP LOCKED, so any number of nodes can
 * sweep at once), records the warning or breach, and moves the clock's next firing on, all in one statement. The
 * unique (clock, kind) key means a warning or breach is recorded once, whichever node gets there.
 */
@Component
public class SlaSweeper {

    private final int batchSize;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    SlaSweeper(
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate transactions,
            @org.springframework.beans.factory.annotation.Value("${firstline.sla.sweep-batch:2000}") int batchSize) {
        this.batchSize = batchSize;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Fires everything due now, batch by batch; returns how many warnings and breaches this node recorded. */
    public int sweep() {
        int recorded = 0;
        while (true) {
            Integer batch = transactions.execute(status -> sweepBatch());
            recorded += batch;
            if (batch < batchSize) return recorded;
        }
    }

    private int sweepBatch() {
        return jdbc.sql("""
                with due as (
                    select id from ticket_sla where next_fire_at <= :now
                    order by next_fire_at limit :batch for update skip locked
                ), fired as (
                    update ticket_sla s set
                        breached_at = case when s.due_at <= :now then s.due_at else s.breached_at end,
                        warned_at = case when s.due_at > :now then coalesce(s.warned_at, s.warn_at) else s.warned_at end,
                        next_fire_at = case when s.due_at <= :now then null else s.due_at end
                    from due where s.id = due.id
                    returning s.id, s.ticket_id, s.due_at, s.warn_at, s.due_at <= :now as breached
                )
                insert into sla_event (ticket_sla_id, ticket_id, kind, due_at, fire_at, recorded_at, recorded_by)
                select id, ticket_id, case when breached then 'BREACHED' else 'AT_RISK' end, due_at,
                       case when breached then due_at else warn_at end, :now, :node
                from fired
                on conflict (ticket_sla_id, kind) do nothing""")
                .param("now", Timestamp.from(clock.instant()))
                .param("batch", batchSize)
                .param("node", node)
                .update();
    }
}
