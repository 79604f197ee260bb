package org.firstline.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Handoffs as people work them: the outgoing person edits, the incoming one reads; every agent may look. */
@Service
public class HandoffNotes {
    static final int BODY_LIMIT = 50_000;
    private static final String SELECT = """
            select h.*, r.name as rotation_name, o.display_name as outgoing_name, i.display_name as incoming_name
            from handoff h join rotation r on r.id = h.rotation_id
            left join agent o on o.id = h.outgoing_agent_id left join agent i on i.id = h.incoming_agent_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    HandoffNotes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public HandoffView get(long id) {
        return jdbc.sql(SELECT + " where h.id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Handoff " + id + " does not exist."));
    }

    /** Newest first: the handoffs a person gives or receives, or (agentId null) everyone's. */
    public List<HandoffView> recent(@Nullable Long agentId, int limit) {
        return jdbc.sql(SELECT + """
                         where (?::bigint is null or h.outgoing_agent_id = ? or h.incoming_agent_id = ?)
                        order by h.shift_ends_at desc, h.id desc limit ?""")
                .params(agentId, agentId, agentId, Math.max(1, Math.min(limit, 200)))
                .query((rs, n) -> view(rs))
                .list();
    }

    /** The handoff waiting for this person to read, if any: shown to them before anything else. */
    public Optional<HandoffView> unreadFor(long agentId) {
        return jdbc.sql(SELECT
                        + " where h.incoming_agent_id = ? and h.read_at is null order by h.shift_ends_at limit 1")
                .param(agentId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    @Transactional
    public HandoffView edit(long id, @Nullable String body, AgentPrincipal actor) {
        var handoff = get(id);
        if (!Long.valueOf(actor.id()).equals(handoff.outgoingAgentId()) && actor.role() != AgentRole.ADMIN) {
            throw new AccessDeniedException("The outgoing person writes the handoff.");
        }
        if (body == null || body.isBlank()) throw new InvalidRequestException("body", "is required");
        if (body.length() > BODY_LIMIT)
            throw new InvalidRequestException("body", "must be at most " + BODY_LIMIT + " characters");
        if (handoff.readAt() != null) throw new ConflictException("The next person has read this handoff already.");
        jdbc.sql("update handoff set body = ?, edited_at = ?, edited_by = ? where id = ?")
                .params(body.replace("\u0000", ""), Timestamp.from(clock.instant()), actor.id(), id)
                .update();
        return get(id);
    }

    @Transactional
    public HandoffView read(long id, AgentPrincipal actor) {
        var handoff = get(id);
        if (!Long.valueOf(actor.id()).equals(handoff.incomingAgentId())) {
            throw new AccessDeniedException("Only the incoming person marks the handoff read.");
        }
        jdbc.sql("update handoff set read_at = coalesce(read_at, ?) where id = ?")
                .params(Timestamp.from(clock.instant()), id)
                .update();
        return get(id);
    }

    private static HandoffView view(ResultSet rs) throws SQLException {
        Timestamp edited = rs.getTimestamp("edited_at");
        Timestamp read = rs.getTimestamp("read_at");
        return new HandoffView(
                rs.getLong("id"),
                rs.getLong("rotation_id"),
                rs.getString("rotation_name"),
                rs.getString("role"),
                rs.getTimestamp("shift_starts_at").toInstant(),
                rs.getTimestamp("shift_ends_at").toInstant(),
                rs.getObject("outgoing_agent_id", Long.class),
                rs.getString("outgoing_name"),
                rs.getObject("incoming_agent_id", Long.class),
                rs.getString("incoming_name"),
                rs.getString("draft"),
                rs.getString("body"),
                edited == null ? null : edited.toInstant(),
                read == null ? null : read.toInstant());
    }
}
