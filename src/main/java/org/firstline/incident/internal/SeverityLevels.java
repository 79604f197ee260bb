package org.firstline.incident.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The severity levels: what makes an incident that severe, and how often its customers hear from us. */
@Component
public class SeverityLevels {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditStamp audit;

    SeverityLevels(JdbcClient jdbc, Clock clock, AuditStamp audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public record Level(int level, String name, String factors, int updateIntervalMinutes) {}

    public record LevelForm(
            @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @Nullable
            String name,

            @NotNull(message = "is required") @Size(max = 4000, message = "must be at most 4000 characters") @Nullable
            String factors,

            @NotNull(message = "is required")
            @Min(value = 5, message = "must be at least 5 minutes")
            @Max(value = 10080, message = "must be at most 10080 minutes (a week)")
            @Nullable
            Integer updateIntervalMinutes) {}

    public List<Level> list() {
        return jdbc.sql("select * from incident_severity order by level")
                .query((rs, n) -> new Level(
                        rs.getInt("level"),
                        rs.getString("name"),
                        rs.getString("factors"),
                        rs.getInt("update_interval_minutes")))
                .list();
    }

    /** The interval of a level; refuses a level that is not defined. */
    public int intervalMinutes(int level) {
        return jdbc.sql("select update_interval_minutes from incident_severity where level = ?")
                .param(level)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new InvalidRequestException(
                        "severity",
                        "must be one of the defined levels: "
                                + String.join(
                                        ", ",
                                        list().stream()
                                                .map(l -> l.level() + " (" + l.name() + ")")
                                                .toList())));
    }

    @Transactional
    public Level save(int level, LevelForm form, String auditName) {
        audit.stamp(auditName);
        int updated = jdbc.sql("""
                        update incident_severity set name = ?, factors = ?, update_interval_minutes = ?, updated_at = ?
                        where level = ?""")
                .params(
                        String.valueOf(form.name()).strip(),
                        String.valueOf(form.factors()).strip(),
                        form.updateIntervalMinutes(),
                        Timestamp.from(clock.instant()),
                        level)
                .update();
        if (updated == 0) throw new NotFoundException("No severity level " + level + ".");
        // open incidents of this level now expect their next update on the new interval
        jdbc.sql("""
                        update incident i set next_update_due_at = coalesce(
                            (select max(u.posted_at) from incident_update u where u.incident_id = i.id and u.public),
                            i.declared_at) + make_interval(mins => ?)
                        where i.severity = ? and i.resolved_at is null""").params(form.updateIntervalMinutes(), level).update();
        return list().stream().filter(l -> l.level() == level).findFirst().orElseThrow();
    }
}
