package org.firstline.rota.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.firstline.rota.RotaWarning;
import org.firstline.rota.RotationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The plan's problems from now to the horizon: gaps, out-of-office clashes, runs of shifts, emptied slots. */
@Component
public class RotaWarnings {
    private final JdbcClient jdbc;
    private final RotaReferences refs;

    RotaWarnings(JdbcClient jdbc, RotaReferences refs) {
        this.jdbc = jdbc;
        this.refs = refs;
    }

    public List<RotaWarning> of(RotationView rotation) {
        var out = new ArrayList<RotaWarning>();
        Timestamp now = Timestamp.from(refs.now());
        jdbc.sql(
                        "select id, role, starts_at from rota_shift where rotation_id = ? and ends_at > ? and agent_id is null order by starts_at, role")
                .params(rotation.id(), now)
                .query((rs, n) -> {
                    Instant start = rs.getTimestamp(3).toInstant();
                    return new RotaWarning(
                            RotaWarning.Kind.GAP,
                            "Nobody" + roleText(rs.getString(2)) + " for the shift from " + date(rotation, start) + ".",
                            rs.getLong(1),
                            null,
                            start);
                })
                .list()
                .forEach(out::add);
        jdbc.sql("""
                select distinct s.id, s.role, s.starts_at, s.agent_id, a.display_name from rota_shift s
                join out_of_office o on o.agent_id = s.agent_id and o.starts_at < s.ends_at and o.ends_at > s.starts_at
                join agent a on a.id = s.agent_id
                where s.rotation_id = ? and s.ends_at > ? order by s.starts_at, s.role""")
                .params(rotation.id(), now)
                .query((rs, n) -> {
                    Instant start = rs.getTimestamp(3).toInstant();
                    return new RotaWarning(
                            RotaWarning.Kind.CLASH,
                            rs.getString(5) + " is out of office during their shift" + roleText(rs.getString(2))
                                    + " from " + date(rotation, start) + ".",
                            rs.getLong(1),
                            rs.getLong(4),
                            start);
                })
                .list()
                .forEach(out::add);
        Set<String> told = new HashSet<>();
        jdbc
                .sql("""
                select s2.id, s2.role, s2.starts_at, s2.agent_id, a.display_name from rota_shift s1
                join rota_shift s2 on s2.rotation_id = s1.rotation_id and s2.role = s1.role
                     and s2.shift_index = s1.shift_index + 1 and s2.agent_id = s1.agent_id
                join agent a on a.id = s2.agent_id
                where s1.rotation_id = ? and s2.ends_at > ? order by s2.starts_at""")
                .params(rotation.id(), now)
                .query((rs, n) -> {
                    Instant start = rs.getTimestamp(3).toInstant();
                    return new RotaWarning(
                            RotaWarning.Kind.CONSECUTIVE,
                            rs.getString(5) + " is on shifts running" + roleText(rs.getString(2))
                                    + " into the one from " + date(rotation, start) + ".",
                            rs.getLong(1),
                            rs.getLong(4),
                            start);
                })
                .list()
                .stream()
                .filter(w -> told.add(
                        w.agentId() + "/" + w.message().substring(0, w.message().indexOf(" into"))))
                .forEach(out::add);
        jdbc.sql("""
                select r.shift_id, s.role, s.starts_at, r.agent_id, a.display_name from rota_alert r
                join rota_shift s on s.id = r.shift_id join agent a on a.id = r.agent_id
                where r.rotation_id = ? and r.cleared_at is null and s.ends_at > ? order by s.starts_at""")
                .params(rotation.id(), now)
                .query((rs, n) -> {
                    Instant start = rs.getTimestamp(3).toInstant();
                    return new RotaWarning(
                            RotaWarning.Kind.EMPTIED,
                            "Nobody" + roleText(rs.getString(2)) + " from " + date(rotation, start) + ": "
                                    + rs.getString(5) + " is out of office. Find cover with an override.",
                            rs.getLong(1),
                            rs.getLong(4),
                            start);
                })
                .list()
                .forEach(out::add);
        // emptied slots first: they are news, the rest is the plan's standing shape
        out.sort(java.util.Comparator.comparing((RotaWarning w) -> w.kind() != RotaWarning.Kind.EMPTIED));
        return out;
    }

    private static String roleText(String role) {
        return role.isEmpty() ? "" : " as " + role;
    }

    private static LocalDate date(RotationView rotation, Instant at) {
        return LocalDate.ofInstant(at, rotation.handoffs().zone());
    }
}
