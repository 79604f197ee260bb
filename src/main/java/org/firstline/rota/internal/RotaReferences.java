package org.firstline.rota.internal;

import java.time.Clock;
import java.time.Instant;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.Designation;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AuditStamp;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** What rotas refer to in other modules (teams, calendars, agents and their hats), checked by field name. */
@Component
public class RotaReferences {
    private final TeamService teams;
    private final CalendarService calendars;
    private final AgentService agents;
    private final AgentResponsibilities responsibilities;
    private final Clock clock;
    private final AuditStamp audit;

    RotaReferences(
            TeamService teams,
            CalendarService calendars,
            AgentService agents,
            AgentResponsibilities responsibilities,
            Clock clock,
            AuditStamp audit) {
        this.teams = teams;
        this.calendars = calendars;
        this.agents = agents;
        this.responsibilities = responsibilities;
        this.clock = clock;
        this.audit = audit;
    }

    public void stampAudit() {
        audit.stampCurrentActor();
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    public void team(@Nullable Long teamId) {
        if (teamId != null && teams.find(teamId).isEmpty()) {
            throw new InvalidRequestException("teamId", "team " + teamId + " does not exist");
        }
    }

    public void calendar(@Nullable Long calendarId) {
        if (calendarId == null) return;
        try {
            calendars.get(calendarId);
        } catch (org.firstline.platform.NotFoundException e) {
            throw new InvalidRequestException("calendarId", "calendar " + calendarId + " does not exist");
        }
    }

    public AgentView agent(String field, @Nullable Long agentId) {
        if (agentId == null) throw new InvalidRequestException(field, "is required");
        var agent = agents.find(agentId)
                .orElseThrow(() -> new InvalidRequestException(field, "agent " + agentId + " does not exist"));
        if (!agent.active()) throw new InvalidRequestException(field, "agent " + agentId + " is not active");
        return agent;
    }

    public boolean has(long agentId, Designation designation) {
        return responsibilities.of(agentId).designations().contains(designation);
    }

    public @Nullable Long deliveryLead(long agentId) {
        return responsibilities.of(agentId).deliveryLeadId();
    }

    /** The agent if active: a deactivated one holds no shift (they cannot sign in to see the work). */
    public java.util.Optional<AgentView> activeAgent(long agentId) {
        return agents.find(agentId).filter(AgentView::active);
    }

    public String agentName(long agentId) {
        return agents.find(agentId).map(AgentView::displayName).orElse("agent " + agentId);
    }

    /** Who is acting, for events and the audit: the signed-in agent, or "system". */
    public String actor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AgentPrincipal agent
                ? agent.displayName()
                : "system";
    }

    public CalendarService calendars() {
        return calendars;
    }
}
