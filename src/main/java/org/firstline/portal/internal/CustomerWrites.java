package org.firstline.portal.internal;

import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.email.CustomerAnswers;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.MessageForm;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessageWithFiles;
import org.firstline.ticket.NewFile;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in customer changes: a reply, a new ticket, the answer to a resolution. Each goes through the ticket
 * service as the requester would by mail (the message is the contact's; the audit names the portal and the address),
 * on a ticket {@link CustomerTickets} let them see.
 */
@Component
public class CustomerWrites {
    static final int FILINGS_PER_HOUR = 10;
    public static final int MAX_SUBJECT = 500;
    public static final int MAX_BODY = 20_000;

    private final CustomerTickets tickets;
    private final MessageWithFiles messages;
    private final CustomerTicketOpening opening;
    private final CustomerAnswers answers;
    private final AgentService agents;

    CustomerWrites(
            CustomerTickets tickets,
            MessageWithFiles messages,
            CustomerTicketOpening opening,
            CustomerAnswers answers,
            AgentService agents) {
        this.tickets = tickets;
        this.messages = messages;
        this.opening = opening;
        this.answers = answers;
        this.agents = agents;
    }

    @Transactional
    public void reply(Customer customer, long number, String body, List<NewFile> files) {
        var ticket = tickets.get(customer, number);
        if (ticket.closed()) {
            throw new ConflictException("This request is closed. To follow up, open a new request.");
        }
        String text = text("body", body, MAX_BODY);
        messages.post(ticket.id(), new MessageForm(text, MessageKind.PUBLIC, customer.email()), files, as(customer));
    }

    /** True when the answer counted; false when the ticket no longer waits on one (answered, reopened, closed). */
    @Transactional
    public boolean answerResolution(Customer customer, long number, boolean fixed) {
        var ticket = tickets.get(customer, number);
        return ticket.awaitsConfirmation() && answers.answerResolution(ticket.id(), fixed);
    }

    @Transactional
    public TicketView file(
            Customer customer,
            String subject,
            String body,
            @Nullable Long organizationId,
            @Nullable Long serviceId,
            List<NewFile> files) {
        return opening.open(
                customer,
                text("subject", subject, MAX_SUBJECT),
                text("body", body, MAX_BODY),
                organizationId,
                serviceId,
                files,
                as(customer));
    }

    AgentPrincipal as(Customer customer) {
        return agents.system("portal " + customer.email());
    }

    static String text(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) throw new InvalidRequestException(field, "is required");
        if (text.length() > max) throw new InvalidRequestException(field, "must be at most " + max + " characters");
        return text;
    }
}
