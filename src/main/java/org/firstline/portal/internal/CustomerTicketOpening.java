package org.firstline.portal.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.Channel;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.NewFile;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Opens the ticket and files its attachments with its first message, within the filing limit. */
@Component
class CustomerTicketOpening {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TicketService tickets;
    private final ConversationService conversation;
    private final AttachmentService attachments;
    private final OrganizationService organizations;

    CustomerTicketOpening(
            JdbcClient jdbc,
            Clock clock,
            TicketService tickets,
            ConversationService conversation,
            AttachmentService attachments,
            OrganizationService organizations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tickets = tickets;
        this.conversation = conversation;
        this.attachments = attachments;
        this.organizations = organizations;
    }

    TicketView open(
            Customer customer,
            String subject,
            String body,
            @Nullable Long organizationId,
            @Nullable Long serviceId,
            List<NewFile> files,
            AgentPrincipal actor) {
        jdbc.sql("select id from contact where id = ? for update")
                .param(customer.contactId())
                .query(Long.class)
                .single();
        long recent = jdbc.sql(
                        "select count(*) from ticket where requester_id = ? and channel = 'WEB' and created_at > ?")
                .params(customer.contactId(), Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .query(Long.class)
                .single();
        if (recent >= CustomerWrites.FILINGS_PER_HOUR)
            throw new PortalThrottled(
                    "You have sent " + recent + " requests in the last hour, the most we take. Please try again in an"
                            + " hour, or add to one you sent.",
                    3600);
        Long organization = organizationId;
        if (organization == null && customer.organizations().size() > 1) {
            throw new InvalidRequestException("organizationId", "choose which organization this is for");
        }
        if (organization == null && customer.organizations().size() == 1) {
            organization = customer.organizations().get(0).id();
        }
        long chosen = organization == null ? -1 : organization;
        if (organization != null && customer.organizations().stream().noneMatch(o -> o.id() == chosen)) {
            throw new InvalidRequestException("organizationId", "is not one of yours");
        }
        if (serviceId != null
                && organizations
                        .service(serviceId)
                        .filter(s -> s.organizationId() == chosen)
                        .isEmpty()) {
            throw new InvalidRequestException("serviceId", "is not a service of that organization");
        }
        var form = OpenTicketForm.of(subject, body, customer.email(), customer.name(), Channel.WEB);
        form = form.withOrganization(organization, serviceId);
        TicketView ticket = tickets.open(form, actor, null);
        if (!files.isEmpty()) {
            long first = conversation.messages(ticket.id()).get(0).id();
            for (NewFile file : files) {
                attachments.add(ticket.id(), first, file.filename(), file.content(), actor);
            }
        }
        return ticket;
    }
}
