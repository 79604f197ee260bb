package org.firstline.ticket;

import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.ContactView;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.OrganizationView;
import org.firstline.directory.TeamService;
import org.firstline.platform.ConflictException;
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
    private final ContactService contacts;
    private final ApplicationEventPublisher events;

    TicketCollaborators(
            OrganizationService organizations,
            TeamService teams,
            AgentService agents,
            ContactService contacts,
            ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.teams = teams;
        this.agents = agents;
        this.contacts = contacts;
        this.events = events;
    }

    void checkOrganization(long organizationId) {
        if (organizations.find(organizationId).isEmpty()) {
            throw new InvalidRequestException("organizationId", "no organization with id " + organizationId);
        }
    }

    OrganizationView organization(long organizationId) {
        return organizations.get(organizationId);
    }

    void checkService(long serviceId, @Nullable Long organizationId) {
        var service = organizations
                .service(serviceId)
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
            var owner = agents.find(ownerId)
                    .orElseThrow(() -> new InvalidRequestException("ownerId", "no agent with id " + ownerId));
            if (!owner.active()) {
                throw new InvalidRequestException("ownerId", owner.displayName() + " is deactivated");
            }
            if (owner.role() == org.firstline.platform.AgentRole.READ_ONLY) {
                throw new InvalidRequestException(
                        "ownerId", owner.displayName() + " is a read-only agent and cannot own tickets");
            }
            if (teamId != null && !owner.teamIds().contains(teamId)) {
                throw new InvalidRequestException(
                        "ownerId",
                        owner.displayName() + " is not a member of team "
                                + teams.find(teamId).map(t -> t.name()).orElse(String.valueOf(teamId)));
            }
        }
    }

    /**
     * The organizations whose representatives must approve a new ticket from this requester, none when they may open it:
     * the ticket's organization when it takes requests from representatives only and the requester is not one; for a
     * contact in several organizations and filed in none, all of them when every one is such an organization.
     */
    List<Long> approversFor(ContactView requester, @Nullable OrganizationView organization) {
        if (organization != null) {
            return restricted(requester, organization) ? List.of(organization.id()) : List.of();
        }
        var memberships = requester.organizations();
        if (memberships.size() < 2) {
            return List.of();
        }
        List<Long> restricted = memberships.stream()
                .map(m -> organizations.get(m.organizationId()))
                .filter(o -> restricted(requester, o))
                .map(OrganizationView::id)
                .toList();
        return restricted.size() == memberships.size() ? restricted : List.of();
    }

    /**
     * Refuses to file a ticket in an organization that takes requests from its representatives only when the
     * requester is not one, unless the caller confirmed it; true when it was so confirmed.
     */
    boolean checkFiling(long requesterId, long organizationId, boolean confirmed) {
        var organization = organizations.get(organizationId);
        if (!organization.representativesOnly()) {
            return false;
        }
        var requester = contacts.get(requesterId);
        if (!restricted(requester, organization)) {
            return false;
        }
        if (!confirmed) {
            throw new NotRepresentativeException(
                    requester.name() + " <" + requester.primaryEmail() + "> is not a representative of "
                            + organization.name()
                            + ", which takes requests from its representatives only. Confirm to file the ticket there"
                            + " anyway (confirmNotRepresentative: true).");
        }
        return true;
    }

    private static boolean restricted(ContactView requester, OrganizationView organization) {
        return organization.representativesOnly()
                && requester.organizations().stream()
                        .noneMatch(m -> m.organizationId() == organization.id() && m.representative());
    }

    /** The ticket's organization's account manager, who must be an active agent; 409 when there is none. */
    long accountManagerOf(TicketView ticket) {
        if (ticket.organizationId() == null) {
            throw new InvalidRequestException(
                    "organizationId", "the ticket has no organization to charge; set it first");
        }
        var organization = organizations.get(ticket.organizationId());
        if (organization.accountManagerId() == null) {
            throw new ConflictException(organization.name()
                    + " has no account manager to hand out-of-scope work to; set one on the" + " organization first.");
        }
        var manager = agents.get(organization.accountManagerId());
        if (!manager.active()) {
            throw new ConflictException(
                    organization.name() + "'s account manager " + manager.displayName() + " is deactivated.");
        }
        return manager.id();
    }

    void publish(Object event) {
        events.publishEvent(event);
    }
}
