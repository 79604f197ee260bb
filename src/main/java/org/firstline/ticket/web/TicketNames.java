package org.firstline.ticket.web;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.OrganizationView;
import org.firstline.directory.TeamService;
import org.firstline.directory.TeamView;
import org.firstline.ticket.LabelService;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The names pages show next to ids: teams, agents, organizations, requesters, labels. */
@Component
class TicketNames {
    private final TeamService teams;
    private final AgentService agents;
    private final OrganizationService organizations;
    private final ContactService contacts;
    private final LabelService labels;

    TicketNames(
            TeamService teams,
            AgentService agents,
            OrganizationService organizations,
            ContactService contacts,
            LabelService labels) {
        this.teams = teams;
        this.agents = agents;
        this.organizations = organizations;
        this.contacts = contacts;
        this.labels = labels;
    }

    List<Long> teamsOf(long agentId) {
        return agents.find(agentId).map(AgentView::teamIds).orElse(List.of());
    }

    void addTo(Model model, Collection<TicketView> tickets) {
        List<TeamView> teamList = teams.list();
        List<AgentView> agentList = agents.list();
        List<OrganizationView> organizationList = organizations.list();
        model.addAttribute("teams", teamList);
        model.addAttribute("agents", agentList);
        model.addAttribute("organizations", organizationList);
        model.addAttribute("labels", labels.list());
        model.addAttribute("teamNames", teamList.stream().collect(Collectors.toMap(TeamView::id, TeamView::name)));
        model.addAttribute(
                "agentNames", agentList.stream().collect(Collectors.toMap(AgentView::id, AgentView::displayName)));
        model.addAttribute(
                "organizationNames",
                organizationList.stream().collect(Collectors.toMap(OrganizationView::id, OrganizationView::name)));
        model.addAttribute(
                "requesterNames",
                contacts.names(tickets.stream().map(TicketView::requesterId).collect(Collectors.toSet())));
    }
}
