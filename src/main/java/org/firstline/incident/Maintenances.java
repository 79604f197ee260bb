package org.firstline.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planned work announced on the status page: a title, a Markdown body written for the public, a window and the
 * components it touches. Cancelled work disappears from the page; every change tells the {@link StatusBoard}.
 */
@Service
public class Maintenances {
    static final int MAX_BODY = 20_000;
    private static final String SELECT = """
            select m.*, coalesce(array(select component_id from maintenance_component c
                                       where c.maintenance_id = m.id order by component_id), '{}') components
            from scheduled_maintenance m""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final StatusBoard board;
    private final StatusComponents components;

    Maintenances(JdbcClient jdbc, Clock clock, StatusBoard board, StatusComponents components) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.board = board;
        this.components = components;
    }

    /** Scheduled work, latest first (the last 200); cancelled work too when asked. */
    public List<MaintenanceView> list(boolean withCancelled) {
        return jdbc.sql(SELECT + (withCancelled ? "" : " where m.cancelled_at is null")
                        + " order by m.scheduled_for desc, m.id desc limit 200")
                .query(Maintenances::view)
                .list();
    }

    public MaintenanceView get(long id) {
        return jdbc.sql(SELECT + " where m.id = ?")
                .param(id)
                .query(Maintenances::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("Maintenance " + id + " does not exist."));
    }

    @Transactional
    public MaintenanceView schedule(MaintenanceForm form) {
        if (form.scheduledFor() == null) throw new InvalidRequestException("scheduledFor", "is required");
        if (form.scheduledUntil() == null) throw new InvalidRequestException("scheduledUntil", "is required");
        String title = title(form.title());
        window(form.scheduledFor(), form.scheduledUntil());
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into scheduled_maintenance (title, body, scheduled_for, scheduled_until, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        title,
                        body(form.body()),
                        Timestamp.from(form.scheduledFor()),
                        Timestamp.from(form.scheduledUntil()),
                        now,
                        now)
                .query(Long.class)
                .single();
        replaceComponents(id, form.componentIds() == null ? List.of() : form.componentIds());
        board.changed();
        return get(id);
    }

    @Transactional
    public MaintenanceView update(long id, MaintenanceForm form) {
        var current = get(id);
        if (current.cancelledAt() != null) throw new ConflictException("Maintenance " + id + " was cancelled.");
        String title = form.title() == null ? current.title() : title(form.title());
        Instant from = form.scheduledFor() == null ? current.scheduledFor() : form.scheduledFor();
        Instant until = form.scheduledUntil() == null ? current.scheduledUntil() : form.scheduledUntil();
        window(from, until);
        jdbc.sql("""
                        update scheduled_maintenance set title = ?, body = ?, scheduled_for = ?, scheduled_until = ?,
                               updated_at = ? where id = ?""")
                .params(
                        title,
                        form.body() == null ? current.body() : body(form.body()),
                        Timestamp.from(from),
                        Timestamp.from(until),
                        Timestamp.from(clock.instant()),
                        id)
                .update();
        if (form.componentIds() != null) replaceComponents(id, form.componentIds());
        board.changed();
        return get(id);
    }

    @Transactional
    public MaintenanceView cancel(long id) {
        var current = get(id);
        if (current.cancelledAt() == null) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("update scheduled_maintenance set cancelled_at = ?, updated_at = ? where id = ?")
                    .params(now, now, id)
                    .update();
            board.changed();
        }
        return get(id);
    }

    private void replaceComponents(long id, List<Long> ids) {
        var distinct = List.copyOf(new LinkedHashSet<>(ids));
        components.requireActive(distinct);
        jdbc.sql("delete from maintenance_component where maintenance_id = ?")
                .param(id)
                .update();
        for (long component : distinct) {
            jdbc.sql("insert into maintenance_component (maintenance_id, component_id) values (?, ?)")
                    .params(id, component)
                    .update();
        }
    }

    /** PostgreSQL keeps years 4713 BC to 294276 AD; planned work is this millennium's business. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static void window(Instant from, Instant until) {
        for (var end :
                List.of(java.util.Map.entry("scheduledFor", from), java.util.Map.entry("scheduledUntil", until))) {
            if (end.getValue().isBefore(EARLIEST) || end.getValue().isAfter(LATEST)) {
                throw new InvalidRequestException(end.getKey(), "must be between the years 2000 and 9999");
            }
        }
        if (!until.isAfter(from)) {
            throw new InvalidRequestException("scheduledUntil", "must be after scheduledFor");
        }
    }

    private static String title(@Nullable String title) {
        if (title == null || title.isBlank()) throw new InvalidRequestException("title", "is required");
        String stripped = title.strip();
        if (stripped.length() > StatusComponents.MAX_NAME) {
            throw new InvalidRequestException("title", "must be at most " + StatusComponents.MAX_NAME + " characters");
        }
        return stripped;
    }

    private static String body(@Nullable String body) {
        if (body == null) return "";
        if (body.length() > MAX_BODY) {
            throw new InvalidRequestException("body", "must be at most " + MAX_BODY + " characters");
        }
        return body.strip();
    }

    private static MaintenanceView view(ResultSet rs, int n) throws SQLException {
        var cancelled = rs.getTimestamp("cancelled_at");
        return new MaintenanceView(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getTimestamp("scheduled_for").toInstant(),
                rs.getTimestamp("scheduled_until").toInstant(),
                List.of((Long[]) rs.getArray("components").getArray()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                cancelled == null ? null : cancelled.toInstant());
    }
}
