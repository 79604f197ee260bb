package org.firstline.rota;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.RotaReferences;
import org.firstline.rota.internal.WorkingHours;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty checklists: items that recur on a weekday of every shift (Tilt's release on Thursday), skipped in a week whose
 * day is a holiday in the rotation's calendar. The person on duty ticks them.
 */
@Service
public class DutyChecklists {
    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final Duties duties;
    private final RotaReferences refs;
    private final WorkingHours hours;

    DutyChecklists(JdbcClient jdbc, Rotations rotations, Duties duties, RotaReferences refs, WorkingHours hours) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.duties = duties;
        this.refs = refs;
        this.hours = hours;
    }

    public record Item(long id, String title, DayOfWeek weekday) {}

    @Transactional
    public Item add(long rotationId, @Nullable String title, @Nullable String weekday) {
        rotations.get(rotationId);
        if (title == null || title.isBlank()) throw new InvalidRequestException("title", "is required");
        if (title.strip().length() > 200) throw new InvalidRequestException("title", "is longer than 200 characters");
        DayOfWeek day = FormCheck.weekday("weekday", weekday);
        refs.stampAudit();
        long id = jdbc.sql(
                        "insert into rota_checklist_item (rotation_id, title, weekday) values (?, ?, ?) returning id")
                .params(rotationId, title.strip(), day.getValue())
                .query(Long.class)
                .single();
        return new Item(id, title.strip(), day);
    }

    public List<Item> items(long rotationId) {
        return jdbc.sql("select id, title, weekday from rota_checklist_item where rotation_id = ? order by weekday, id")
                .param(rotationId)
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), DayOfWeek.of(rs.getInt(3))))
                .list();
    }

    /** The items due in the shift that holds the instant, holidays left out, in date order. */
    public List<ChecklistEntry> due(long rotationId, Instant at) {
        var rotation = rotations.get(rotationId);
        var handoffs = rotation.handoffs();
        LocalDate first = handoffs.shiftDateOf(rotation.anchorDate(), at);
        var out = new ArrayList<ChecklistEntry>();
        for (Item item : items(rotationId)) {
            for (int d = 0; d < rotation.shiftDays(); d++) {
                LocalDate day = first.plusDays(d);
                if (day.getDayOfWeek() != item.weekday()) continue;
                if (rotation.calendarId() != null && hours.holiday(rotation.calendarId(), day)) continue;
                var tick = jdbc.sql("""
                        select a.display_name, t.ticked_at from rota_checklist_tick t join agent a on a.id = t.ticked_by
                        where t.item_id = ? and t.due_on = ?""")
                        .params(item.id(), Date.valueOf(day))
                        .query((rs, n) -> new Object[] {
                            rs.getString(1), rs.getTimestamp(2).toInstant()
                        })
                        .optional();
                out.add(new ChecklistEntry(
                        item.id(),
                        item.title(),
                        day,
                        tick.isPresent(),
                        tick.map(t -> (String) t[0]).orElse(null),
                        tick.map(t -> (Instant) t[1]).orElse(null)));
            }
        }
        out.sort(java.util.Comparator.comparing(ChecklistEntry::dueOn).thenComparingLong(ChecklistEntry::itemId));
        return out;
    }

    /** Ticks an item due in the current shift; only someone on it now does (or a planner, covering). */
    @Transactional
    public ChecklistEntry tick(
            long rotationId, long itemId, @Nullable String dueOn, AgentPrincipal actor, boolean planner) {
        Instant now = refs.now();
        boolean onDuty = rotations.get(rotationId).published()
                        && duties.planned(rotations.get(rotationId), now).stream()
                                .anyMatch(o -> o.agentId() == actor.id())
                || onShiftIgnoringHours(rotationId, now, actor.id());
        if (!onDuty && !planner) throw new AccessDeniedException("Only the person on duty ticks the checklist.");
        LocalDate day = FormCheck.date(
                "dueOn",
                dueOn,
                LocalDate.ofInstant(now, rotations.get(rotationId).handoffs().zone()));
        var entry = due(rotationId, now).stream()
                .filter(e -> e.itemId() == itemId && e.dueOn().equals(day))
                .findFirst()
                .orElseThrow(
                        () -> new NotFoundException("Item " + itemId + " is not due on " + day + " in this shift."));
        refs.stampAudit();
        jdbc.sql(
                        "insert into rota_checklist_tick (item_id, due_on, ticked_by, ticked_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(itemId, Date.valueOf(entry.dueOn()), actor.id(), Timestamp.from(now))
                .update();
        return due(rotationId, now).stream()
                .filter(e -> e.itemId() == itemId && e.dueOn().equals(day))
                .findFirst()
                .orElseThrow();
    }

    /** The person of the shift now, even outside the duty's hours (a release can be ticked after six). */
    private boolean onShiftIgnoringHours(long rotationId, Instant now, long agentId) {
        return jdbc.sql("""
                select exists (select 1 from rota_shift where rotation_id = ? and starts_at <= ? and ends_at > ? and agent_id = ?)
                    or exists (select 1 from rota_override where rotation_id = ? and starts_at <= ? and ends_at > ? and added_agent_id = ?)""")
                .params(
                        rotationId,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        agentId,
                        rotationId,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        agentId)
                .query(Boolean.class)
                .single();
    }
}
