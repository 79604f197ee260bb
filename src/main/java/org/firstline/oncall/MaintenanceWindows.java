package org.firstline.oncall;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance windows: an alert opened during one of its source's or its service's windows is recorded but
 * suppressed (it pages nobody and is not counted as noise).
 */
@Service
public class MaintenanceWindows {
    private final JdbcClient jdbc;
    private final Clock clock;

    MaintenanceWindows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Windows not yet over, soonest first. */
    public List<MaintenanceWindowView> current() {
        return jdbc.sql("select * from maintenance_window where ends_at > ? order by starts_at, id")
                .param(Timestamp.from(clock.instant()))
                .query((rs, n) -> new MaintenanceWindowView(
                        rs.getLong("id"),
                        rs.getObject("source_id", Long.class),
                        rs.getObject("service_id", Long.class),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("reason")))
                .list();
    }

    @Transactional
    public MaintenanceWindowView create(MaintenanceWindowForm form) {
        if (form.sourceId() == null && form.serviceId() == null) {
            throw new InvalidRequestException("sourceId", "or serviceId is required");
        }
        if (!form.startsAt().isBefore(form.endsAt())) {
            throw new InvalidRequestException("endsAt", "must be after startsAt");
        }
        try {
            long id = jdbc.sql("""
                            insert into maintenance_window (source_id, service_id, starts_at, ends_at, reason, created_at)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(
                            form.sourceId(),
                            form.serviceId(),
                            Timestamp.from(form.startsAt()),
                            Timestamp.from(form.endsAt()),
                            form.reason() == null ? "" : form.reason().strip(),
                            Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            return current().stream()
                    .filter(w -> w.id() == id)
                    .findFirst()
                    .orElseGet(() -> new MaintenanceWindowView(
                            id,
                            form.sourceId(),
                            form.serviceId(),
                            form.startsAt(),
                            form.endsAt(),
                            form.reason() == null ? "" : form.reason().strip()));
        } catch (DataIntegrityViolationException e) {
            throw new InvalidRequestException("sourceId", "or serviceId does not exist");
        }
    }

    /** A window for a source from a time (now when null) for some minutes: what the admin page asks for. */
    @Transactional
    public MaintenanceWindowView plan(
            long sourceId, java.time.@Nullable Instant startsAt, int minutes, @Nullable String reason) {
        if (minutes < 1 || minutes > 60 * 24 * 14) {
            throw new InvalidRequestException("minutes", "must be between 1 minute and 14 days");
        }
        var now = clock.instant();
        var from = startsAt == null ? now : startsAt;
        var until = from.plus(java.time.Duration.ofMinutes(minutes));
        if (!until.isAfter(now)) throw new InvalidRequestException("startsAt", "the window would be over already");
        return create(new MaintenanceWindowForm(sourceId, null, from, until, reason));
    }

    @Transactional
    public void delete(long id) {
        if (jdbc.sql("delete from maintenance_window where id = ?").param(id).update() == 0) {
            throw new NotFoundException("Maintenance window " + id + " does not exist.");
        }
    }
}
