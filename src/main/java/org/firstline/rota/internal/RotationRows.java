package org.firstline.rota.internal;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.firstline.rota.Duty;
import org.firstline.rota.RotationMember;
import org.firstline.rota.RotationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads rotations and their members. */
@Component
public class RotationRows {
    private final JdbcClient jdbc;

    RotationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RotationView> find(long id) {
        var members = jdbc.sql("""
                select m.agent_id, a.display_name, m.role, m.position, m.shadow
                from rotation_member m join agent a on a.id = m.agent_id
                where m.rotation_id = ? order by m.role, m.shadow, m.position, a.display_name""")
                .param(id)
                .query((rs, n) -> new RotationMember(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)))
                .list();
        return jdbc.sql("""
                select id, name, team_id, duty, handoff_day, handoff_time, time_zone, shift_days, roles, calendar_id,
                       anchor_date, notice_days, published_at from rotation where id = ?""")
                .param(id)
                .query((rs, n) -> {
                    var published = rs.getTimestamp("published_at");
                    return new RotationView(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getObject("team_id", Long.class),
                            Duty.valueOf(rs.getString("duty")),
                            DayOfWeek.of(rs.getInt("handoff_day")),
                            rs.getTime("handoff_time").toLocalTime(),
                            rs.getString("time_zone"),
                            rs.getInt("shift_days"),
                            Arrays.asList((String[]) rs.getArray("roles").getArray()),
                            rs.getObject("calendar_id", Long.class),
                            rs.getDate("anchor_date").toLocalDate(),
                            rs.getInt("notice_days"),
                            published != null,
                            published == null ? null : published.toInstant(),
                            members);
                })
                .optional();
    }

    public List<Long> ids() {
        return jdbc.sql("select id from rotation order by lower(name), id")
                .query((rs, n) -> rs.getLong(1))
                .list();
    }

    public List<Long> publishedIds(Duty duty) {
        return jdbc.sql("select id from rotation where duty = ? and published_at is not null order by id")
                .param(duty.name())
                .query((rs, n) -> rs.getLong(1))
                .list();
    }
}
