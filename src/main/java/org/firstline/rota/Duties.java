package org.firstline.rota;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.firstline.directory.Designation;
import org.firstline.rota.internal.RotaReferences;
import org.firstline.rota.internal.RotationRows;
import org.firstline.rota.internal.WorkingHours;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is on a duty at an instant: the planned shift, then the overrides that cover the instant (approved swaps are
 * overrides too), without shadows and without anyone out of office. With a business calendar, on call is worked only
 * outside its hours and the other duties only in them.
 */
@Service
public class Duties {
    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final RotationRows rows;
    private final RotaReferences refs;
    private final WorkingHours hours;

    Duties(JdbcClient jdbc, Rotations rotations, RotationRows rows, RotaReferences refs, WorkingHours hours) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.rows = rows;
        this.refs = refs;
        this.hours = hours;
    }

    private record Seat(String role, long agentId, Instant startsAt, Instant endsAt) {}

    /**
     * Who is on this rotation at the instant (overrides and approved swaps applied, shadows excluded, out-of-office
     * people excluded); empty if nobody or not published. Throws NotFoundException for an unknown rotation.
     */
    public List<OnShift> onShift(long rotationId, Instant at) {
        var rotation = rotations.get(rotationId);
        if (!rotation.published()) return List.of();
        return planned(rotation, at);
    }

    /** Everyone on a duty at the instant across published rotations of that duty, of one team when teamId is not null. */
    public List<OnShift> on(Duty duty, @Nullable Long teamId, Instant at) {
        var out = new ArrayList<OnShift>();
        for (long id : rows.publishedIds(duty)) {
            var rotation = rotations.get(id);
            if (teamId == null || teamId.equals(rotation.teamId())) out.addAll(planned(rotation, at));
        }
        return out;
    }

    /** Whether a team has a published rotation of the duty: when it has, the rota decides who is on it. */
    public boolean rotaDecides(Duty duty, long teamId) {
        return jdbc.sql(
                        "select exists (select 1 from rotation where duty = ? and team_id = ? and published_at is not null)")
                .params(duty.name(), teamId)
                .query(Boolean.class)
                .single();
    }

    /** Who the rotation puts on at the instant, published or not, in the duty's hours. */
    public List<OnShift> planned(RotationView rotation, Instant at) {
        if (rotation.calendarId() != null
                && hours.working(rotation.calendarId(), at) == rotation.duty().outOfHours()) {
            return List.of();
        }
        return holding(rotation, at);
    }

    /**
     * Who holds the rotation's shift at the instant, published or not and whatever the duty's hours: what the calendar
     * page shows.
     */
    public List<OnShift> holding(RotationView rotation, Instant at) {
        Timestamp t = Timestamp.from(at);
        List<Seat> seats = new ArrayList<>(jdbc.sql("""
                select role, agent_id, starts_at, ends_at from rota_shift
                where rotation_id = ? and starts_at <= ? and ends_at > ? and agent_id is not null""")
                .params(rotation.id(), t, t)
                .query((rs, n) -> new Seat(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .list());
        record Override(
                String role,
                @Nullable Long removed,
                @Nullable Long added,
                Instant startsAt,
                Instant endsAt) {}
        var overrides = jdbc.sql("""
                select role, removed_agent_id, added_agent_id, starts_at, ends_at from rota_override
                where rotation_id = ? and starts_at <= ? and ends_at > ? order by id""")
                .params(rotation.id(), t, t)
                .query((rs, n) -> new Override(
                        rs.getString(1),
                        rs.getObject(2, Long.class),
                        rs.getObject(3, Long.class),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .list();
        for (Override o : overrides) {
            boolean present =
                    o.removed() == null || seats.removeIf(s -> s.role().equals(o.role()) && s.agentId() == o.removed());
            Long added = o.added();
            if (added != null
                    && present
                    && seats.stream().noneMatch(s -> s.role().equals(o.role()) && s.agentId() == added)) {
                seats.add(new Seat(o.role(), added, o.startsAt(), o.endsAt()));
            }
        }
        Set<Long> away =
                new HashSet<>(jdbc.sql("select agent_id from out_of_office where starts_at <= ? and ends_at > ?")
                        .params(t, t)
                        .query((rs, n) -> rs.getLong(1))
                        .list());
        Set<Long> scheduled = new HashSet<>();
        Set<Long> shadows = new HashSet<>();
        for (var m : rotation.members()) (m.shadow() ? shadows : scheduled).add(m.agentId());
        var out = new ArrayList<OnShift>();
        for (Seat s : seats) {
            if (away.contains(s.agentId())) continue;
            if (shadows.contains(s.agentId()) && !scheduled.contains(s.agentId())) continue;
            var agent = refs.activeAgent(s.agentId());
            if (agent.isEmpty()) continue;
            if (rotation.duty() == Duty.ON_CALL && !refs.has(s.agentId(), Designation.CLEARED_FOR_ON_CALL)) continue;
            out.add(new OnShift(
                    rotation.id(),
                    rotation.name(),
                    s.agentId(),
                    agent.get().displayName(),
                    s.role(),
                    s.startsAt(),
                    s.endsAt()));
        }
        out.sort(Comparator.comparingInt((OnShift o) -> rotation.roles().indexOf(o.role()))
                .thenComparing(OnShift::agentName)
                .thenComparing(o -> Objects.toString(o.agentId())));
        return out;
    }
}
