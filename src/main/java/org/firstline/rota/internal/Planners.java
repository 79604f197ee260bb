package org.firstline.rota.internal;

import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.Designation;
import org.firstline.platform.AgentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may plan and publish rotas: admins and leads (head of operations, engineering manager, or someone's delivery
 * lead). Any agent reads them.
 */
@Component
public class Planners {
    private final JdbcClient jdbc;
    private final AgentResponsibilities responsibilities;
    private final java.time.Clock clock;

    Planners(JdbcClient jdbc, AgentResponsibilities responsibilities, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.responsibilities = responsibilities;
        this.clock = clock;
    }

    public java.time.Clock clock() {
        return clock;
    }

    public boolean canPlan(AgentPrincipal agent) {
        if (agent.isAdmin()) return true;
        if (!agent.role().canWrite()) return false;
        var hats = responsibilities.of(agent.id()).designations();
        if (hats.contains(Designation.HEAD_OF_OPERATIONS) || hats.contains(Designation.ENGINEERING_MANAGER))
            return true;
        return jdbc.sql("select exists (select 1 from agent_responsibility where delivery_lead_id = ?)")
                .param(agent.id())
                .query(Boolean.class)
                .single();
    }

    public void mustPlan(AgentPrincipal agent) {
        if (!canPlan(agent)) throw new AccessDeniedException("Only admins and leads plan and publish rotas.");
    }

    public boolean headOfOperations(AgentPrincipal agent) {
        return responsibilities.of(agent.id()).designations().contains(Designation.HEAD_OF_OPERATIONS);
    }
}
