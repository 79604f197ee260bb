package org.firstline.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactForm;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.Channel;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageWithFiles;
import org.firstline.ticket.NewFile;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;

/** Organizations, contacts and tickets made through the services, for portal tests. */
record PortalFixture(
        OrganizationService organizations,
        ContactService contacts,
        TicketService tickets,
        MessageWithFiles messages,
        AgentService agents) {

    long organization(String name, boolean representativesOnly) {
        return organizations
                .create(new OrganizationForm(name, null, List.of(), representativesOnly, null, ""))
                .id();
    }

    /** A contact with one address; each entry of {@code memberships} is an organization id and whether they represent it. */
    long contact(String name, String email, Map<Long, Boolean> memberships) {
        List<ContactForm.Membership> in = new ArrayList<>();
        memberships.forEach((org, rep) -> in.add(new ContactForm.Membership(org, rep)));
        return contacts.create(new ContactForm(name, List.of(email), in)).id();
    }

    TicketView ticket(String subject, String email, @Nullable Long organizationId, boolean internal) {
        var base = OpenTicketForm.of(subject, "The body of " + subject, email, null, Channel.EMAIL);
        var form = new OpenTicketForm(
                base.subject(),
                base.body(),
                base.requester(),
                organizationId,
                null,
                null,
                null,
                null,
                Channel.EMAIL,
                null,
                null,
                null,
                null,
                internal,
                null,
                null,
                null,
                null,
                null);
        return tickets.open(form, agent(), null);
    }

    long post(long ticketId, String body, MessageKind kind, @Nullable String file) {
        List<NewFile> files = file == null ? List.of() : List.of(new NewFile(file, ("contents of " + file).getBytes()));
        return messages.post(ticketId, new MessageForm(body, kind, null), files, agent())
                .id();
    }

    AgentPrincipal agent() {
        return agents.system("portal test");
    }
}
