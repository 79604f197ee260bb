package org.firstline.rota.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.firstline.rota.RotationMember;
import org.firstline.rota.RotationView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a rotation's shifts as rows up to a horizon (three months and a shift ahead): round robin per role in member
 * order, counted from the anchor date, so shift n of a role goes to scheduled member n mod count. Past and current
 * shifts are never rewritten: a change of members replans only the shifts that have not begun.
 */
@Component
public class ShiftPlanner {
    private final JdbcClient jdbc;
    private final Clock clock;

    ShiftPlanner(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A change in a role's planned person for a shift that had not begun. */
    public record Moved(
            String role,
            int index,
            Instant startsAt,
            java.lang.@org.jspecify.annotations.Nullable Long before,
            java.lang.@org.jspecify.annotations.Nullable Long after) {}

    /** The end of the planning horizon from now: shifts starting before it are stored. */
    public Instant horizon(RotationView rotation) {
        return ZonedDateTime.ofInstant(clock.instant(), rotation.handoffs().zone())
                .plusMonths(3)
                .plusDays(rotation.shiftDays())
                .toInstant();
    }

    /** Adds the shifts between the last stored one and the horizon; returns how many rows it added. */
    public int extend(RotationView rotation) {
        return fill(rotation, nextIndex(rotation));
    }

    /**
     * Plans again every shift that has not begun, from the members and settings as they are now; returns what moved. A
     * shift whose times still hold keeps its row (and the swaps proposed on it), with its person updated. The shift under
     * way is planned again too while the rota is a draft, and when its slot is empty; past shifts never are.
     */
    public List<Moved> replan(RotationView rotation) {
        Instant now = clock.instant();
        record Row(
                long id,
                String role,
                int index,
                Instant startsAt,
                Instant endsAt,
                @Nullable Long agentId) {}
        var rows = jdbc.sql("""
                select id, role, shift_index, starts_at, ends_at, agent_id from rota_shift
                where rotation_id = ? and ends_at > ? and (starts_at > ? or ? or agent_id is null) order by shift_index""")
                .params(rotation.id(), Timestamp.from(now), Timestamp.from(now), !rotation.published())
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, Long.class)))
                .list();
        var handoffs = rotation.handoffs();
        var moved = new ArrayList<Moved>();
        for (Row row : rows) {
            LocalDate date = rotation.anchorDate().plusDays((long) row.index() * rotation.shiftDays());
            boolean sameTimes = rotation.roles().contains(row.role())
                    && handoffs.at(date).equals(row.startsAt())
                    && handoffs.at(date.plusDays(rotation.shiftDays())).equals(row.endsAt());
            if (!sameTimes) {
                jdbc.sql("delete from rota_shift where id = ?").param(row.id()).update();
                if (row.agentId() != null)
                    moved.add(new Moved(row.role(), row.index(), row.startsAt(), row.agentId(), null));
                continue;
            }
            Long agent = assignee(rotation, row.role(), row.index());
            if (!java.util.Objects.equals(agent, row.agentId())) {
                jdbc.sql("update rota_shift set agent_id = ? where id = ?")
                        .params(agent, row.id())
                        .update();
                moved.add(new Moved(row.role(), row.index(), row.startsAt(), row.agentId(), agent));
            }
        }
        fill(rotation, nextIndex(rotation));
        return moved;
    }

    private static @Nullable Long assignee(RotationView rotation, String role, int index) {
        List<RotationMember> members = rotation.scheduled(role);
        return members.isEmpty() ? null : members.get(index % members.size()).agentId();
    }

    /** After the last stored shift, or the one that holds now when none are stored. */
    private int nextIndex(RotationView rotation) {
        int last = jdbc.sql("select coalesce(max(shift_index), -1) from rota_shift where rotation_id = ?")
                .param(rotation.id())
                .query(Integer.class)
                .single();
        return last < 0 ? currentIndex(rotation) : last + 1;
    }

    /** The index of the shift that holds now, or 0 before the anchor: the first shift worth storing. */
    int currentIndex(RotationView rotation) {
        var handoffs = rotation.handoffs();
        LocalDate date = handoffs.shiftDateOf(rotation.anchorDate(), clock.instant());
        long index = java.time.temporal.ChronoUnit.DAYS.between(rotation.anchorDate(), date) / rotation.shiftDays();
        return (int) Math.max(0, index);
    }

    private int fill(RotationView rotation, int fromIndex) {
        var handoffs = rotation.handoffs();
        Instant horizon = horizon(rotation);
        int added = 0;
        for (int i = fromIndex; ; i++) {
            LocalDate date = rotation.anchorDate().plusDays((long) i * rotation.shiftDays());
            Instant start = handoffs.at(date);
            if (!start.isBefore(horizon)) break;
            Instant end = handoffs.at(date.plusDays(rotation.shiftDays()));
            for (String role : rotation.roles()) {
                List<RotationMember> members = rotation.scheduled(role);
                Long agent = members.isEmpty()
                        ? null
                        : members.get(i % members.size()).agentId();
                added += jdbc.sql("""
                        insert into rota_shift (rotation_id, role, shift_index, starts_at, ends_at, agent_id)
                        values (?, ?, ?, ?, ?, ?) on conflict (rotation_id, role, shift_index) do nothing""")
                        .params(rotation.id(), role, i, Timestamp.from(start), Timestamp.from(end), agent)
                        .update();
            }
        }
        return added;
    }

    /** The agents a list of moves touches, before and after. */
    public static List<Long> people(List<Moved> moved) {
        Set<Long> ids = new HashSet<>();
        for (Moved m : moved) {
            if (m.before() != null) ids.add(m.before());
            if (m.after() != null) ids.add(m.after());
        }
        return ids.stream().sorted().toList();
    }
}
