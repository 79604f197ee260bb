package org.firstline.ticket.web;

import java.util.HashMap;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.CannedResponseService;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;

/** Fills a canned response with this ticket's values. */
@Component
class TicketPlaceholders {
    private final CannedResponseService canned;
    private final ContactService contacts;
    private final OrganizationService organizations;

    TicketPlaceholders(CannedResponseService canned, ContactService contacts, OrganizationService organizations) {
        this.canned = canned;
        this.contacts = contacts;
        this.organizations = organizations;
    }

    String render(long cannedId, TicketView ticket, AgentPrincipal agent) {
        var values = new HashMap<String, String>();
        var requester = contacts.get(ticket.requesterId());
        values.put("requester.name", requester.name());
        values.put("requester.email", requester.primaryEmail());
        values.put("ticket.number", String.valueOf(ticket.number()));
        values.put("ticket.subject", ticket.subject());
        values.put("agent.name", agent.displayName());
        if (ticket.organizationId() != null) {
            values.put(
                    "organization.name",
                    organizations.get(ticket.organizationId()).name());
        }
        return CannedResponseService.render(canned.get(cannedId).body(), values);
    }
}
