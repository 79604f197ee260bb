package org.firstline.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The ticket settings' one row; changes are in the audit trail like other configuration. */
@Service
public class TicketSettingsService {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;

    TicketSettingsService(JdbcClient jdbc, Clock clock, AuditStamp audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public TicketSettings get() {
        return new TicketSettings(jdbc.sql("select auto_close_days from ticket_settings where id = 1")
                .query(Integer.class)
                .single());
    }

    @Transactional
    public TicketSettings update(TicketSettings settings) {
        audit.stampCurrentActor();
        if (settings.autoCloseDays() == null || settings.autoCloseDays() < 1 || settings.autoCloseDays() > 365) {
            throw new InvalidRequestException("autoCloseDays", "must be 1 to 365 days");
        }
        jdbc.sql("update ticket_settings set auto_close_days = ?, updated_at = ? where id = 1")
                .params(settings.autoCloseDays(), Timestamp.from(clock.instant()))
                .update();
        return get();
    }
}
