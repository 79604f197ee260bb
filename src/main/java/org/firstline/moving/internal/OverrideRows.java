package org.firstline.moving.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes imported overrides as the rota module stores them (a replacement of whoever the plan has on, or an addition
 * to an unfilled slot), which is what its duty calculation reads.
 */
@Component
public class OverrideRows {
    private final JdbcClient jdbc;

    OverrideRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(long rotationId, String role, Instant from, Instant to, long added) {
        return jdbc.sql("""
                select exists (select 1 from rota_override where rotation_id = ? and role = ? and starts_at = ?
                               and ends_at = ? and added_agent_id = ?)""")
                .params(rotationId, role, Timestamp.from(from), Timestamp.from(to), added)
                .query(Boolean.class)
                .single();
    }

    public void add(
            long rotationId,
            String role,
            Instant from,
            Instant to,
            @Nullable Long removed,
            long added,
            String by,
            Instant now) {
        jdbc.sql("""
                insert into rota_override (rotation_id, role, starts_at, ends_at, removed_agent_id, added_agent_id,
                                           created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        rotationId,
                        role,
                        Timestamp.from(from),
                        Timestamp.from(to),
                        removed,
                        added,
                        by,
                        Timestamp.from(now))
                .update();
    }
}
