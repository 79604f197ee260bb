package org.firstline.ticket;

import org.firstline.directory.AgentService;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.TeamService;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What the ticket services ask of the directory, and where they announce what happened. */
@Component
class TicketCollaborators {
    private final OrganizationService organizations;
    private final TeamService teams;
    private final AgentService agents;
    private final ApplicationEventPublisher events;

    TicketCollaborators(OrganizationService organizations, TeamService teams, AgentService agents, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.teams = teams;
        this.agents = agents;
        this.events = events;
    }

    void checkOrganization(long organizationId) {
        if (organizations.find(organizationId).isEmpty()) {
            throw new InvalidRequestException("organizationId", "no organization with id " + organizationId);
        }
    }

    void checkService(long serviceId, @Nullable Long organizationId) {
        var service = organizations.service(serviceId)
                .orElseThrow(() -> new InvalidRequestException("serviceId", "no service with id " + serviceId));
        if (organizationId != null && service.organizationId() != organizationId) {
            throw new InvalidRequestException("serviceId", "service " + serviceId + " belongs to another organization");
        }
    }

    /** A team without an owner is fine; an owner must be an active agent and, when there is a team, a member of it. */
    void checkAssignment(@Nullable Long teamId, @Nullable Long ownerId) {
        if (teamId != null && teams.find(teamId).isEmpty()) {
            throw new InvalidRequestException("teamId", "no team with id " + teamId);
        }
        if (ownerId != null) {
            var owner = agents.find(ownerId).orElseThrow(() -> new InvalidRequestException("ownerId", "no agent with id " + ownerId));
            if (!owner.active()) {
                throw new InvalidRequestException("ownerId", owner.displayName() + " is deactivated");
            }
            if (teamId != null && !owner.teamIds().contains(teamId)) {
                throw new InvalidRequestException("ownerId", owner.displayName() + " is not a member of team " + teamId);
            }
        }
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
