package org.firstline.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.directory.AgentService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes resolved tickets whose requester has not answered for the configured number of days, with a note saying
 * so. Every node sweeps; a ticket is claimed with FOR UPDATE SKIP LOCKED and closed in the claim's transaction, so it
 * is closed once whichever node gets there, and a reply that reopened it meanwhile wins.
 */
@Component
class UnansweredResolutionSweeper {
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TicketChanges changes;
    private final AgentService agents;

    UnansweredResolutionSweeper(
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate transactions,
            TicketChanges changes,
            AgentService agents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.changes = changes;
        this.agents = agents;
    }

    /** Closes every ticket due now, batch by batch; returns how many this node closed. */
    int sweep() {
        int closed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> closeBatch());
            closed += batch;
            if (batch < BATCH) return closed;
        }
    }

    private int closeBatch() {
        var system = agents.system("tickets");
        int days = jdbc.sql("select auto_close_days from ticket_settings where id = 1")
                .query(Integer.class)
                .single();
        List<Long> due = jdbc.sql("""
                select id from ticket where status = 'RESOLVED' and resolved_at <= ?
                order by resolved_at, id limit ? for update skip locked""")
                .params(Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(days))), BATCH)
                .query((rs, n) -> rs.getLong(1))
                .list();
        due.forEach(id -> changes.closeUnanswered(id, days, system));
        return due.size();
    }
}
