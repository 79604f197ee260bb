package org.firstline.oncall.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.EscalationPolicyView;
import org.firstline.oncall.EscalationStep;
import org.firstline.oncall.EscalationTarget;
import org.firstline.oncall.TargetKind;
import org.firstline.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Escalation policies in their tables: a policy, its steps in order, each step's targets. */
@Component
public class PolicyStore {
    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<EscalationPolicyView> list() {
        return jdbc
                .sql("select id from escalation_policy order by name, id")
                .query((rs, n) -> rs.getLong(1))
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    public EscalationPolicyView get(long id) {
        var steps = steps(id);
        return jdbc.sql("""
                        select id, name, description, team_id, calendar_id, repeat_count
                        from escalation_policy where id = ?""")
                .param(id)
                .query((rs, n) -> new EscalationPolicyView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getObject("team_id", Long.class),
                        rs.getObject("calendar_id", Long.class),
                        rs.getInt("repeat_count"),
                        steps))
                .optional()
                .orElseThrow(() -> new NotFoundException("Escalation policy " + id + " does not exist."));
    }

    /** The policy that pages for a team's work: the team's own, else the oldest with no team. */
    public java.util.Optional<EscalationPolicyView> forTeam(@org.jspecify.annotations.Nullable Long teamId) {
        return jdbc.sql("""
                        select id from escalation_policy where team_id = ? or team_id is null
                        order by (team_id is null), id limit 1""")
                .param(teamId)
                .query((rs, n) -> rs.getLong(1))
                .optional()
                .map(this::get);
    }

    /** The steps in order, each with its targets. */
    List<EscalationStep> steps(long policyId) {
        Map<Integer, Integer> delays = new LinkedHashMap<>();
        Map<Integer, List<EscalationTarget>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.position, s.delay_minutes, t.kind, t.rotation_id, t.agent_id, t.team_id
                        from escalation_step s left join escalation_target t on t.step_id = s.id
                        where s.policy_id = ? order by s.position, t.id""").param(policyId).query(rs -> {
            int position = rs.getInt("position");
            delays.put(position, rs.getInt("delay_minutes"));
            var list = targets.computeIfAbsent(position, p -> new ArrayList<>());
            String kind = rs.getString("kind");
            if (kind != null) {
                list.add(new EscalationTarget(
                        TargetKind.valueOf(kind),
                        rs.getObject("rotation_id", Long.class),
                        rs.getObject("agent_id", Long.class),
                        rs.getObject("team_id", Long.class)));
            }
        });
        var steps = new ArrayList<EscalationStep>();
        delays.forEach((position, delay) -> steps.add(new EscalationStep(delay, List.copyOf(targets.get(position)))));
        return List.copyOf(steps);
    }

    public void writeSteps(long policyId, List<EscalationStep> steps) {
        jdbc.sql("delete from escalation_step where policy_id = ?")
                .param(policyId)
                .update();
        for (int i = 0; i < steps.size(); i++) {
            var step = steps.get(i);
            long stepId = jdbc.sql(
                            "insert into escalation_step (policy_id, position, delay_minutes) values (?, ?, ?) returning id")
                    .params(policyId, i, step.delayMinutes())
                    .query((rs, n) -> rs.getLong(1))
                    .single();
            for (var target : step.targets()) {
                jdbc.sql(
                                "insert into escalation_target (step_id, kind, rotation_id, agent_id, team_id) values (?, ?, ?, ?, ?)")
                        .params(
                                stepId,
                                target.kind().name(),
                                target.kind() == TargetKind.ROTA ? target.rotationId() : null,
                                target.kind() == TargetKind.AGENT ? target.agentId() : null,
                                target.kind() == TargetKind.TEAM_CHANNEL ? target.teamId() : null)
                        .update();
            }
        }
    }
}
