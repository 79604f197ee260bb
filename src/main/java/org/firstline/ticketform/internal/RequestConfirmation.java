package org.firstline.ticketform.internal;

import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A confirmed request becomes a ticket the way a new mail does: the ticket service finds or makes the contact by the
 * address, takes the organization from it, and holds the ticket for a representative's approval when the
 * organization wants that; only the channel (WEB) differs. The organization and service are asked only here, after
 * the link proved the address, and only when there is a choice: the public form never shows which organizations an
 * address belongs to.
 */
@Component
public class RequestConfirmation {
    /** An organization the requester may file under, with its services when there are several to choose from. */
    public record Choice(long organizationId, String organizationName, List<Service> services) {}

    public record Service(long id, String name) {}

    /** What confirming did: the ticket, and whether this confirmation made it or an earlier one had. */
    public record Outcome(TicketView ticket, boolean created) {}

    private final PendingRequests requests;
    private final ContactService contacts;
    private final OrganizationService organizations;
    private final TicketService tickets;
    private final AgentService agents;

    RequestConfirmation(
            PendingRequests requests,
            ContactService contacts,
            OrganizationService organizations,
            TicketService tickets,
            AgentService agents) {
        this.requests = requests;
        this.contacts = contacts;
        this.organizations = organizations;
        this.tickets = tickets;
        this.agents = agents;
    }

    /**
     * The organizations to choose from: none when the address's contact is unknown or in one organization with at
     * most one service (nothing to ask).
     */
    public List<Choice> choices(String email) {
        var contact = contacts.byEmail(email);
        if (contact.isEmpty()) return List.of();
        List<Choice> choices = new ArrayList<>();
        for (var membership : contact.get().organizations()) {
            var organization = organizations.get(membership.organizationId());
            var services = organizations.services(organization.id()).stream()
                    .map(s -> new Service(s.id(), s.name()))
                    .toList();
            choices.add(new Choice(organization.id(), organization.name(), services.size() > 1 ? services : List.of()));
        }
        boolean ask = choices.size() > 1
                || choices.stream().anyMatch(c -> !c.services().isEmpty());
        return ask ? choices : List.of();
    }

    /** Opens the ticket once; a second confirmation answers with the ticket the first one made. */
    @Transactional
    public Outcome confirm(PendingRequests.Pending pending, @Nullable Long organizationId, @Nullable Long serviceId) {
        if (!requests.claim(pending.id())) {
            // read after the claim waited for any other confirmation to commit
            Long earlier = requests.ticketOf(pending.id());
            if (earlier == null) throw new PendingRequests.Expired();
            return new Outcome(tickets.get(earlier), false);
        }
        List<Choice> choices = choices(pending.email());
        Long organization = organizationId;
        Long service = serviceId;
        long chosen = organization == null ? -1 : organization;
        if (organization != null && choices.stream().noneMatch(c -> c.organizationId() == chosen)) {
            throw new InvalidRequestException("organizationId", "is not one of yours");
        }
        if (service != null) {
            long chosenService = service;
            Choice owner = choices.stream()
                    .filter(c -> c.services().stream().anyMatch(s -> s.id() == chosenService))
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException("serviceId", "is not one of yours"));
            if (organization != null && owner.organizationId() != chosen) {
                throw new InvalidRequestException("serviceId", "belongs to another organization");
            }
            organization = owner.organizationId();
        }
        AgentPrincipal system = agents.system("ticket form");
        var previous = SecurityContextHolder.getContext();
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(new UsernamePasswordAuthenticationToken(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(security);
        try {
            var form = OpenTicketForm.of(
                    pending.subject(), pending.description(), pending.email(), pending.name(), Channel.WEB);
            if (organization != null || service != null) {
                form = form.withOrganization(organization, service);
            }
            TicketView ticket = tickets.open(form, system, null);
            requests.filed(pending.id(), ticket.id());
            return new Outcome(ticket, true);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
