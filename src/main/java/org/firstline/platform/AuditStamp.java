package org.firstline.platform;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the database triggers that keep the audit trail who is acting and what time it is, for the current
 * transaction only. Call it first in every transaction that changes audited data.
 */
@Component
public class AuditStamp {
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditStamp(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void stamp(String actor) {
        jdbc.sql("select set_config('firstline.actor', :actor, true), set_config('firstline.now', :now, true)")
                .param("actor", actor)
                .param("now", clock.instant().toString())
                .query()
                .singleRow();
    }
}
