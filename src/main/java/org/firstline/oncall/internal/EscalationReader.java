package org.firstline.oncall.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.firstline.oncall.EscalationStatus;
import org.firstline.oncall.EscalationView;
import org.firstline.oncall.PageView;
import org.firstline.oncall.SubjectKind;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Escalations with their pages, as shown and answered. */
@Component
public class EscalationReader {
    private static final String SELECT = """
            select e.*, p.name as policy_name from escalation e join escalation_policy p on p.id = e.policy_id""";

    private final JdbcClient jdbc;

    EscalationReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EscalationView get(long id) {
        return jdbc.sql(SELECT + " where e.id = ?")
                .param(id)
                .query((rs, n) -> view(rs, pages(id)))
                .optional()
                .orElseThrow(() -> new NotFoundException("Escalation " + id + " does not exist."));
    }

    public Optional<EscalationView> openFor(SubjectKind kind, long subjectId) {
        return jdbc.sql("""
                        select id from escalation where subject_kind = ? and subject_id = ?
                        and status in ('WAITING', 'ACTIVE', 'ACKNOWLEDGED')""")
                .params(kind.name(), subjectId)
                .query((rs, n) -> rs.getLong(1))
                .optional()
                .map(this::get);
    }

    public List<EscalationView> recent(boolean openOnly, int limit) {
        return jdbc.sql(SELECT + (openOnly ? " where e.status in ('WAITING', 'ACTIVE', 'ACKNOWLEDGED')" : "")
                        + " order by e.created_at desc, e.id desc limit ?")
                .param(Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> view(rs, List.of()))
                .list();
    }

    private List<PageView> pages(long escalationId) {
        return jdbc.sql("""
                        select p.*, a.display_name from page p left join agent a on a.id = p.agent_id
                        where p.escalation_id = ? order by p.id""")
                .param(escalationId)
                .query((rs, n) -> new PageView(
                        rs.getLong("id"),
                        rs.getInt("loop"),
                        rs.getInt("step_position"),
                        rs.getObject("agent_id", Long.class),
                        rs.getString("display_name"),
                        rs.getObject("team_id", Long.class),
                        rs.getString("method"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        instant(rs.getTimestamp("sent_at")),
                        rs.getString("error"),
                        rs.getBoolean("out_of_hours")))
                .list();
    }

    private static EscalationView view(ResultSet rs, List<PageView> pages) throws SQLException {
        return new EscalationView(
                rs.getLong("id"),
                SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getLong("subject_id"),
                rs.getLong("policy_id"),
                rs.getString("policy_name"),
                rs.getString("summary"),
                rs.getBoolean("high"),
                EscalationStatus.valueOf(rs.getString("status")),
                rs.getInt("step_position"),
                rs.getInt("loop"),
                instant(rs.getTimestamp("next_step_at")),
                instant(rs.getTimestamp("wait_until")),
                rs.getObject("acknowledged_by", Long.class),
                instant(rs.getTimestamp("acknowledged_at")),
                rs.getObject("resolved_by", Long.class),
                instant(rs.getTimestamp("resolved_at")),
                rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(),
                pages);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
