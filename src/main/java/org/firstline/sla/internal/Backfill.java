package org.firstline.sla.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clocks for open tickets that have none: tickets from before service levels existed, or written by SQL (imports, the
 * demo data). Run at start, every minute and after a policy changes, in small transactions; a ticket with clocks is
 * recomputed instead.
 */
@Component
public class Backfill {
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final ClockKeeper keeper;
    private final TransactionTemplate transactions;

    Backfill(JdbcClient jdbc, ClockKeeper keeper, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.keeper = keeper;
        this.transactions = transactions;
    }

    /**
     * Starts clocks for open tickets without any; returns how many tickets got them. Unless {@code again}, a ticket
     * looked at before (it has a public-activity row) whose policy had no targets for it is left alone.
     */
    public int run(boolean again) {
        int done = 0;
        while (true) {
            int batch = batch(again);
            done += batch;
            if (batch < BATCH) return done;
        }
    }

    /** One transaction's worth of {@link #run}: the background does one between sweeps, so a big import never holds up breaches. */
    int batch(boolean again) {
        return transactions.execute(status -> {
            var ids = jdbc.sql("""
                    select t.id from ticket t
                    where t.status in ('NEW', 'OPEN', 'PENDING') and not exists (select 1 from ticket_sla s where s.ticket_id = t.id)
                      and (? or not exists (select 1 from ticket_public_activity a where a.ticket_id = t.id))
                    order by t.id limit ? for update of t skip locked""").params(again, BATCH).query(Long.class).list();
            // another node may have given them clocks between this statement's snapshot and its locks: look again,
            // with a snapshot that sees what it committed
            var stillMissing = ids.isEmpty()
                    ? ids
                    : jdbc.sql("""
                            select t.id from ticket t
                            where t.id = any(?) and not exists (select 1 from ticket_sla s where s.ticket_id = t.id)
                            order by t.id""")
                            .param(ids.toArray(Long[]::new))
                            .query(Long.class)
                            .list();
            stillMissing.forEach(id -> keeper.facts(id).ifPresent(ticket -> {
                keeper.opened(ticket);
                keeper.meetFromHistory(id);
            }));
            return ids.size();
        });
    }

    static int batchSize() {
        return BATCH;
    }

    /**
     * Works out the running clocks of every open ticket again, after a policy or calendar changed; with {@code since},
     * only of the tickets changed since then.
     */
    public int recomputeOpen(java.time.@Nullable Instant since) {
        long after = 0;
        int done = 0;
        while (true) {
            long from = after;
            var ids = jdbc.sql("""
                    select distinct s.ticket_id from ticket_sla s join ticket t on t.id = s.ticket_id
                    where s.met_at is null and s.stopped_at is null and s.ticket_id > ?
                      and (cast(? as timestamptz) is null or t.updated_at >= ?)
                    order by s.ticket_id limit ?""")
                    .params(from, timestamp(since), timestamp(since), BATCH)
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) return done;
            // a ticket being changed right now is skipped: that change settles its clocks on the new terms itself
            transactions.executeWithoutResult(
                    status -> jdbc.sql("select id from ticket where id = any(?) order by id for update skip locked")
                            .param(ids.toArray(Long[]::new))
                            .query(Long.class)
                            .list()
                            .forEach(id -> keeper.facts(id).ifPresent(keeper::settle)));
            done += ids.size();
            after = ids.getLast();
        }
    }

    @Contract("!null -> !null")
    private static java.sql.@Nullable Timestamp timestamp(java.time.@Nullable Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
