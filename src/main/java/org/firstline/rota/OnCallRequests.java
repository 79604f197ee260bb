package org.firstline.rota;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.Designation;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.NotFoundException;
import org.firstline.rota.internal.RotaReferences;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On call is opt-in: an agent asks to join an on-call rotation, the head of operations approves, and only agents
 * cleared for on call can be approved. Approval puts them last in their role's turn order.
 */
@Service
public class OnCallRequests {
    private final JdbcClient jdbc;
    private final Rotations rotations;
    private final RotaReferences refs;

    OnCallRequests(JdbcClient jdbc, Rotations rotations, RotaReferences refs) {
        this.jdbc = jdbc;
        this.rotations = rotations;
        this.refs = refs;
    }

    @Transactional
    public OnCallRequestView request(long rotationId, @Nullable String role, AgentPrincipal agent) {
        var rotation = rotations.get(rotationId);
        if (rotation.duty() != Duty.ON_CALL) throw new ConflictException(rotation.name() + " is not an on-call rota.");
        String r = Rotations.role(rotation, "role", role);
        if (rotation.scheduled(r).stream().anyMatch(m -> m.agentId() == agent.id())) {
            throw new ConflictException("You are on " + rotation.name() + " already.");
        }
        refs.stampAudit();
        long id = jdbc.sql("""
                insert into on_call_request (rotation_id, agent_id, role, status, requested_at) values (?, ?, ?, 'PENDING', ?)
                on conflict (rotation_id, agent_id, role) where status = 'PENDING' do update set requested_at = excluded.requested_at
                returning id""")
                .params(rotationId, agent.id(), r, Timestamp.from(refs.now()))
                .query(Long.class)
                .single();
        return get(id);
    }

    @Transactional
    public OnCallRequestView decide(long requestId, boolean approve, AgentPrincipal actor) {
        var request = get(requestId);
        if (!refs.has(actor.id(), Designation.HEAD_OF_OPERATIONS)) {
            throw new AccessDeniedException("Only the head of operations approves on call.");
        }
        if (!request.status().equals("PENDING")) throw new ConflictException("The request was decided already.");
        if (approve && !refs.has(request.agentId(), Designation.CLEARED_FOR_ON_CALL)) {
            throw new ConflictException(request.agentName() + " is not cleared for on call yet.");
        }
        refs.stampAudit();
        jdbc.sql("update on_call_request set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(approve ? "APPROVED" : "REFUSED", actor.id(), Timestamp.from(refs.now()), requestId)
                .update();
        if (approve) {
            var rotation = rotations.get(request.rotationId());
            var members = new ArrayList<MemberForm>();
            for (var m : rotation.members()) {
                if (!(m.agentId() == request.agentId() && m.role().equals(request.role()))) {
                    members.add(new MemberForm(m.agentId(), m.role(), m.shadow()));
                }
            }
            members.add(new MemberForm(request.agentId(), request.role(), false));
            rotations.setMembers(rotation.id(), members);
        }
        return get(requestId);
    }

    public List<OnCallRequestView> list(long rotationId) {
        rotations.get(rotationId);
        return jdbc.sql(SELECT + " where q.rotation_id = ? order by q.requested_at desc, q.id desc")
                .param(rotationId)
                .query((rs, n) -> view(rs))
                .list();
    }

    public OnCallRequestView get(long id) {
        return jdbc.sql(SELECT + " where q.id = ?")
                .param(id)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("On-call request " + id + " does not exist."));
    }

    private static final String SELECT = """
            select q.id, q.rotation_id, q.agent_id, a.display_name, q.role, q.status, q.requested_at, q.decided_by
            from on_call_request q join agent a on a.id = q.agent_id""";

    private static OnCallRequestView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OnCallRequestView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getObject(8, Long.class));
    }
}
