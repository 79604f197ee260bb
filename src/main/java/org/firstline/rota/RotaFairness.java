package org.firstline.rota;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.rota.internal.RotaReferences;
import org.firstline.rota.internal.WorkingHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Fairness figures: per person, the shifts they hold (planned, then whole-shift overrides such as approved swaps)
 * that begin in a period, as weeks, and the out-of-hours nights in them. A night counts by its 03:00 local time.
 */
@Service
public class RotaFairness {
    private static final LocalTime SMALL_HOURS = LocalTime.of(3, 0);

    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final RotaReferences refs;
    private final WorkingHours hours;

    RotaFairness(JdbcClient jdbc, Rotations rotations, RotaReferences refs, WorkingHours hours) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.refs = refs;
        this.hours = hours;
    }

    public List<FairnessRow> figures(long rotationId, Instant from, Instant to) {
        var rotation = rotations.get(rotationId);
        record Slot(String role, Instant startsAt, Instant endsAt, long agentId) {}
        var slots = jdbc.sql("""
                select s.role, s.starts_at, s.ends_at,
                       coalesce((select o.added_agent_id from rota_override o
                                 where o.rotation_id = s.rotation_id and o.role = s.role and o.removed_agent_id = s.agent_id
                                   and o.added_agent_id is not null and o.starts_at <= s.starts_at and o.ends_at >= s.ends_at
                                 order by o.id desc limit 1), s.agent_id) as agent_id
                from rota_shift s
                where s.rotation_id = ? and s.starts_at >= ? and s.starts_at < ? and s.agent_id is not null
                order by s.starts_at""")
                .params(rotationId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Slot(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(),
                        rs.getLong(4)))
                .list();
        boolean nights = rotation.duty() == Duty.ON_CALL || rotation.duty() == Duty.SECOND_LINE;
        var zone = rotation.handoffs().zone();
        Map<Long, int[]> counts = new LinkedHashMap<>();
        for (Slot slot : slots) {
            int[] c = counts.computeIfAbsent(slot.agentId(), k -> new int[2]);
            c[0]++;
            if (!nights) continue;
            LocalDate day = slot.startsAt().atZone(zone).toLocalDate();
            LocalDate last = slot.endsAt().atZone(zone).toLocalDate();
            for (LocalDate d = day; !d.isAfter(last); d = d.plusDays(1)) {
                Instant night = ZonedDateTime.of(d, SMALL_HOURS, zone).toInstant();
                if (night.isBefore(slot.startsAt()) || !night.isBefore(slot.endsAt())) continue;
                if (rotation.calendarId() == null || !hours.working(rotation.calendarId(), night)) c[1]++;
            }
        }
        var rows = new ArrayList<FairnessRow>();
        counts.forEach((agent, c) ->
                rows.add(new FairnessRow(agent, refs.agentName(agent), c[0], c[0] * rotation.shiftDays() / 7.0, c[1])));
        rows.sort(Comparator.comparing(FairnessRow::agentName).thenComparingLong(FairnessRow::agentId));
        return rows;
    }
}
