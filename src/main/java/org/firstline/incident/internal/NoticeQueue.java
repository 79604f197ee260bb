package org.firstline.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.incident.IncidentNotice;
import org.firstline.incident.IncidentNoticesDue;
import org.firstline.incident.IncidentStatus;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.MarkdownRenderer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands waiting notices to the mail, a batch per transaction: the batch is locked (SKIP LOCKED, so nodes share the
 * work), announced, and marked queued in that transaction. A node stopped halfway loses only an uncommitted batch,
 * which the next step takes again; a committed one is never taken twice.
 */
@Component
public class NoticeQueue {
    public static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MarkdownRenderer markdown;
    private final TransactionTemplate transactions;
    private final String publicUrl;

    NoticeQueue(
            JdbcClient jdbc,
            Clock clock,
            ApplicationEventPublisher events,
            MarkdownRenderer markdown,
            TransactionTemplate transactions,
            FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.markdown = markdown;
        this.transactions = transactions;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    /** Queues every waiting notice; returns how many. */
    public int drain() {
        int total = 0;
        int batch;
        do {
            batch = batch(BATCH);
            total += batch;
        } while (batch > 0);
        return total;
    }

    /** One batch in one transaction. */
    public int batch(int size) {
        Integer queued = transactions.execute(tx -> {
            List<IncidentNotice> notices =
                    jdbc.sql("""
                            select n.id, n.address, n.ticket_id, t.number, t.subject ticket_subject, n.unsubscribe_url,
                                   u.body, u.status, i.title, i.id incident_id
                            from incident_notice n
                            join incident_update u on u.id = n.update_id
                            join incident i on i.id = u.incident_id
                            left join ticket t on t.id = n.ticket_id
                            where n.queued_at is null
                            order by n.id limit ?
                            for update of n skip locked""").param(size).query((rs, n) -> notice(rs)).list();
            if (notices.isEmpty()) return 0;
            events.publishEvent(new IncidentNoticesDue(notices));
            jdbc.sql("update incident_notice set queued_at = ? where id = any(?)")
                    .params(
                            Timestamp.from(clock.instant()),
                            notices.stream().map(IncidentNotice::id).toArray(Long[]::new))
                    .update();
            return notices.size();
        });
        return queued == null ? 0 : queued;
    }

    private IncidentNotice notice(java.sql.ResultSet rs) throws java.sql.SQLException {
        long ticketNumber = rs.getLong("number");
        boolean onTicket = !rs.wasNull();
        String status = IncidentStatus.valueOf(rs.getString("status")).label();
        String title = rs.getString("title");
        String unsubscribe = rs.getString("unsubscribe_url");
        StringBuilder body = new StringBuilder()
                .append(status)
                .append(": ")
                .append(title)
                .append("\n\n")
                .append(markdown.text(rs.getString("body")).strip())
                .append("\n\n");
        if (onTicket) {
            body.append("You hear this because your request #")
                    .append(ticketNumber)
                    .append(" is affected. Reply to this email to add to it.\n");
        }
        body.append("Status: ").append(publicUrl).append("/status\n");
        if (unsubscribe != null)
            body.append("Unsubscribe: ").append(unsubscribe).append('\n');
        String subject = (onTicket ? "[#" + ticketNumber + "] " : "") + "[" + status + "] " + title;
        return new IncidentNotice(
                rs.getLong("id"),
                rs.getString("address"),
                onTicket ? rs.getLong("ticket_id") : null,
                onTicket ? ticketNumber : null,
                subject,
                body.toString());
    }
}
