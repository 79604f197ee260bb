package org.firstline.oncall.internal;

import java.util.ArrayList;
import org.firstline.oncall.AlertResolved;
import org.firstline.oncall.AlertStatus;
import org.firstline.oncall.Alerts;
import org.firstline.oncall.EscalationRequest;
import org.firstline.oncall.Escalations;
import org.firstline.oncall.SubjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts to escalations: an alert whose source has an escalation policy starts escalating once its intake commits
 * (never inside it, so a failure here cannot lose the alert), and stops when the alert resolves. The engine works
 * through the alert event record, woken as soon as an alert commits, so an alert whose node died right after is paged
 * all the same by another; an alert escalates at most once, however often it is seen.
 */
@Component
public class AlertPaging {
    private static final Logger log = LoggerFactory.getLogger(AlertPaging.class);
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final Escalations escalations;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    AlertPaging(
            JdbcClient jdbc,
            Alerts alerts,
            Escalations escalations,
            PlatformTransactionManager transactions,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.alerts = alerts;
        this.escalations = escalations;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void resolved(AlertResolved resolved) {
        try {
            tx.executeWithoutResult(s -> escalations.subjectResolved(SubjectKind.ALERT, resolved.alertId()));
        } catch (RuntimeException e) {
            log.warn("Stopping the paging of alert {} failed; the engine tries again", resolved.alertId(), e);
        }
    }

    /** Works through the alert record not yet handled, oldest first; returns how many records it handled. */
    public int catchUp() {
        Integer handled = tx.execute(s -> {
            var records = jdbc.sql("""
                            select id, alert_id, kind from alert_event where handled_at is null
                            order by id limit ? for update skip locked""")
                    .param(BATCH)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                    .list();
            var ids = new ArrayList<Long>();
            for (Object[] record : records) {
                long alertId = (Long) record[1];
                if ("RAISED".equals(record[2])) page(alertId);
                else escalations.subjectResolved(SubjectKind.ALERT, alertId);
                ids.add((Long) record[0]);
            }
            if (!ids.isEmpty()) {
                jdbc.sql("update alert_event set handled_at = :now where id in (:ids)")
                        .param("now", java.sql.Timestamp.from(clock.instant()))
                        .param("ids", ids)
                        .update();
            }
            return records.size();
        });
        return handled == null ? 0 : handled;
    }

    private void page(long alertId) {
        var alert = alerts.get(alertId);
        if (alert.suppressed() || alert.escalationPolicyId() == null || alert.status() == AlertStatus.RESOLVED) return;
        // once per alert: a resolved escalation is not started again; a policy deleted since pages nobody
        boolean skip = jdbc.sql("""
                        select exists (select 1 from escalation where subject_kind = 'ALERT' and subject_id = ?)
                            or not exists (select 1 from escalation_policy where id = ?)""")
                .params(alertId, alert.escalationPolicyId())
                .query(Boolean.class)
                .single();
        if (skip) return;
        escalations.start(new EscalationRequest(
                SubjectKind.ALERT,
                alertId,
                alert.escalationPolicyId(),
                alert.sourceName() + ": " + alert.summary(),
                alert.severity().pagesOutOfHours()));
    }
}
