package org.firstline.sla.internal;

import java.sql.Timestamp;
import java.time.Clock;
import org.firstline.sla.SlaAlert;
import org.firstline.sla.SlaAlertKind;
import org.firstline.sla.SlaAlertsRaised;
import org.firstline.sla.SlaTarget;
import org.firstline.ticket.Priority;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells people of recorded warnings and breaches: claims the ones nobody was told of (SKIP LOCKED), publishes them
 * as one {@link SlaAlertsRaised} so mail and channels can send a digest instead of one message per ticket, and marks
 * them told in the same transaction.
 */
@Component
public class SlaNotifier {

    private final int batchSize;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    SlaNotifier(JdbcClient jdbc, Clock clock, TransactionTemplate transactions, ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${firstline.sla.notify-batch:500}") int batchSize) {
        this.batchSize = batchSize;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
    }

    /** Returns how many alerts went out. */
    public int notifyRecorded() {
        int told = 0;
        while (true) {
            Integer batch = transactions.execute(status -> notifyBatch());
            told += batch;
            if (batch < batchSize) return told;
        }
    }

    private int notifyBatch() {
        var alerts = jdbc.sql("""
                with claimed as (
                    select id from sla_event where notified_at is null order by id limit ? for update skip locked
                ), told as (
                    update sla_event e set notified_at = ? from claimed where e.id = claimed.id
                    returning e.id, e.kind, e.due_at, e.ticket_sla_id, e.ticket_id
                )
                select told.id, told.kind, told.due_at, s.target, t.id as ticket_id, t.number, t.subject, t.priority, t.team_id, t.owner_id
                from told join ticket_sla s on s.id = told.ticket_sla_id join ticket t on t.id = told.ticket_id
                order by told.id""")
                .params(batchSize, Timestamp.from(clock.instant()))
                .query((rs, n) -> new SlaAlert(rs.getLong("id"), SlaAlertKind.valueOf(rs.getString("kind")),
                        SlaTarget.valueOf(rs.getString("target")), rs.getTimestamp("due_at").toInstant(), rs.getLong("ticket_id"),
                        rs.getLong("number"), rs.getString("subject"), Priority.valueOf(rs.getString("priority")),
                        rs.getObject("team_id", Long.class), rs.getObject("owner_id", Long.class)))
                .list();
        if (!alerts.isEmpty()) events.publishEvent(new SlaAlertsRaised(alerts));
        return alerts.size();
    }
}
