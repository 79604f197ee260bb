package org.firstline.directory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who each agent answers to and which hats they wear. The delivery lead approves swaps and time off in lieu; the
 * designations say who is head of operations (approves on call), engineering manager (takes critical tickets nobody
 * on the team can), project manager (asked about change requests), lead tracker, and who is cleared for on call.
 */
@Service
public class AgentResponsibilities {
    private final JdbcClient jdbc;
    private final AgentService agents;
    private final AuditStamp audit;

    AgentResponsibilities(JdbcClient jdbc, AgentService agents, AuditStamp audit) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.audit = audit;
    }

    public Responsibilities of(long agentId) {
        agents.get(agentId);
        return jdbc.sql("select delivery_lead_id, designations from agent_responsibility where id = ?")
                .param(agentId)
                .query((rs, n) -> new Responsibilities(
                        agentId, rs.getObject("delivery_lead_id", Long.class), designations((String[])
                                rs.getArray("designations").getArray())))
                .optional()
                .orElse(new Responsibilities(agentId, null, Set.of()));
    }

    /** Everyone's, by agent id, for agents somebody has set them for. */
    public java.util.Map<Long, Responsibilities> all() {
        var all = new java.util.HashMap<Long, Responsibilities>();
        jdbc.sql("select id, delivery_lead_id, designations from agent_responsibility")
                .query((rs, n) -> new Responsibilities(
                        rs.getLong("id"), rs.getObject("delivery_lead_id", Long.class), designations((String[])
                                rs.getArray("designations").getArray())))
                .list()
                .forEach(r -> all.put(r.agentId(), r));
        return all;
    }

    @Transactional
    public Responsibilities update(long agentId, ResponsibilitiesForm form) {
        agents.get(agentId);
        Long lead = form.deliveryLeadId();
        if (lead != null) {
            if (lead == agentId) throw new InvalidRequestException("deliveryLeadId", "cannot be the agent themselves");
            var leader = agents.find(lead)
                    .orElseThrow(() -> new InvalidRequestException("deliveryLeadId", "is not an agent"));
            if (!leader.active()) throw new InvalidRequestException("deliveryLeadId", "is not an active agent");
        }
        Set<Designation> designations =
                form.designations() == null ? of(agentId).designations() : form.designations();
        audit.stampCurrentActor();
        jdbc.sql("""
                        insert into agent_responsibility (id, delivery_lead_id, designations) values (?, ?, ?)
                        on conflict (id) do update set delivery_lead_id = excluded.delivery_lead_id,
                                                       designations = excluded.designations""")
                .params(
                        agentId,
                        lead,
                        designations.stream().map(Enum::name).sorted().toArray(String[]::new))
                .update();
        return of(agentId);
    }

    /** The active agents wearing a hat, by name. */
    public List<AgentView> holders(Designation designation) {
        List<Long> ids = jdbc.sql("""
                        select r.id from agent_responsibility r join agent a on a.id = r.id
                        where ? = any(r.designations) and a.active order by a.display_name, a.id""")
                .param(designation.name())
                .query((rs, n) -> rs.getLong(1))
                .list();
        return ids.stream().map(agents::get).toList();
    }

    private static Set<Designation> designations(String[] names) {
        Set<Designation> set = EnumSet.noneOf(Designation.class);
        for (String name : names) set.add(Designation.valueOf(name));
        return Set.copyOf(set);
    }
}
