package org.firstline.triage;

import java.sql.Timestamp;
import java.time.Clock;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The work queue's one setting: under which share of its budget an organization's requests come fifth (half by default). */
@Service
public class WorkQueueSettings {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;

    WorkQueueSettings(JdbcClient jdbc, Clock clock, AuditStamp audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public int budgetSharePercent() {
        return jdbc.sql("select budget_share_percent from work_queue_settings where id = 1")
                .query(Integer.class)
                .single();
    }

    /** Admins only (checked by the callers' routes); 1 to 100. */
    @Transactional
    public int setBudgetSharePercent(@Nullable Integer percent) {
        if (percent == null || percent < 1 || percent > 100) {
            throw new InvalidRequestException("budgetSharePercent", "must be 1 to 100");
        }
        audit.stampCurrentActor();
        jdbc.sql("update work_queue_settings set budget_share_percent = ?, updated_at = ? where id = 1")
                .params(percent, Timestamp.from(clock.instant()))
                .update();
        return percent;
    }
}
