package org.firstline.ticket.web;

import java.time.Clock;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.ticket.BudgetPeriods;
import org.firstline.ticket.SeverityDefinitions;
import org.firstline.ticket.TicketView;
import org.firstline.ticket.TimeTrackingService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Beside the conversation: the requester, the organization's representatives, its plan and the budget left. */
@Component
class TicketSidePanel {
    private final ContactService contacts;
    private final OrganizationService organizations;
    private final TimeTrackingService time;
    private final Clock clock;
    private final SeverityDefinitions definitions;

    TicketSidePanel(
            ContactService contacts,
            OrganizationService organizations,
            TimeTrackingService time,
            Clock clock,
            SeverityDefinitions definitions) {
        this.contacts = contacts;
        this.organizations = organizations;
        this.time = time;
        this.clock = clock;
        this.definitions = definitions;
    }

    void addTo(Model model, TicketView ticket) {
        var organization = ticket.organizationId() == null ? null : organizations.get(ticket.organizationId());
        Long planId = organization == null ? null : organization.planId();
        // shown beside the priority and impact pickers: the words of the ticket's own plan
        model.addAttribute("priorityMeanings", definitions.priorities(planId));
        model.addAttribute("impactMeanings", definitions.impacts(planId));
        model.addAttribute("critical", definitions.critical());
        var requester = contacts.get(ticket.requesterId());
        model.addAttribute("requester", requester);
        model.addAttribute(
                "organizationToConfirm",
                ticket.organizationId() == null && requester.organizations().size() > 1);
        if (organization == null) {
            model.addAttribute(
                    "requesterOrganizations",
                    requester.organizations().stream()
                            .map(m -> organizations.find(m.organizationId()).orElse(null))
                            .filter(java.util.Objects::nonNull)
                            .toList());
            return;
        }
        model.addAttribute("organization", organization);
        model.addAttribute("representatives", contacts.representatives(organization.id()));
        model.addAttribute("services", organizations.services(organization.id()));
        if (organization.planId() != null) {
            organizations.plan(organization.planId()).ifPresent(plan -> {
                int used = time.budgetMinutesUsed(
                        organization.id(), BudgetPeriods.start(plan.budgetPeriod(), clock.instant()));
                model.addAttribute("plan", plan);
                model.addAttribute("budgetUsedMinutes", used);
                model.addAttribute("budgetLeftMinutes", plan.budgetHours() * 60 - used);
            });
        }
    }
}
