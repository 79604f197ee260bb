package org.firstline.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.firstline.incident.UpdateReminderDue;
import org.firstline.platform.FirstlineSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the communications lead when customers are due their next update. The reminder row (incident, due time)
 * is written and the mail raised in one transaction, so each due time reminds once, on whichever node gets there.
 */
@Component
public class UpdateReminders {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final String publicUrl;

    UpdateReminders(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    /** Records and raises the reminders now due; returns how many. */
    @Transactional
    public int remind() {
        Instant now = clock.instant();
        var due = jdbc.sql("""
                        insert into incident_reminder (incident_id, due_at, lead_id, reminded_at)
                        select i.id, i.next_update_due_at, i.communications_lead_id, ?
                        from incident i
                        where i.resolved_at is null and i.next_update_due_at <= ?
                        on conflict do nothing
                        returning incident_id, due_at, lead_id""")
                .params(Timestamp.from(now), Timestamp.from(now))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getObject(3, Long.class)})
                .list();
        for (Object[] row : due) {
            long incidentId = (Long) row[0];
            Object lead = row[2];
            if (lead == null) continue;
            var mail = jdbc.sql("""
                            select a.email, a.display_name, i.title, s.name severity, s.update_interval_minutes
                            from agent a, incident i join incident_severity s on s.level = i.severity
                            where a.id = ? and i.id = ?""")
                    .params(lead, incidentId)
                    .query((rs, n) -> new UpdateReminderDue(
                            incidentId,
                            rs.getString("email"),
                            "Customer update due: " + rs.getString("title"),
                            "Hello " + rs.getString("display_name") + ",\n\nCustomers of incident \""
                                    + rs.getString("title") + "\" (" + rs.getString("severity")
                                    + ") are due their next update now: at " + rs.getString("severity")
                                    + " they hear from us every " + rs.getInt("update_interval_minutes")
                                    + " minutes, even when there is nothing new.\n\nPost it here: " + publicUrl
                                    + "/incidents/" + incidentId + "\n"))
                    .optional();
            mail.ifPresent(events::publishEvent);
        }
        return due.size();
    }
}
