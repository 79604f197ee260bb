package org.firstline.email.internal;

import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.RequesterToldOfAssignment;
import org.firstline.ticket.TicketAssigned;
import org.firstline.ticket.TicketService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * When a ticket gets an owner: the requester is told who has it (2i2c's acknowledgement), and the owner of a high or
 * critical ticket gets an alert, unless they took it themselves. Queued in the assignment's transaction, sent with the
 * outbox's retries; failures are noted on the ticket like any other mail.
 */
@Component
class AssignmentMailer {
    private final TicketService tickets;
    private final ContactService contacts;
    private final AgentService agents;
    private final TeamService teams;
    private final MailboxStore mailboxes;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final String publicUrl;
    private final ApplicationEventPublisher events;

    AssignmentMailer(
            TicketService tickets,
            ContactService contacts,
            AgentService agents,
            TeamService teams,
            MailboxStore mailboxes,
            MailTemplates templates,
            Outbox outbox,
            FirstlineSettings settings,
            ApplicationEventPublisher events) {
        this.events = events;
        this.tickets = tickets;
        this.contacts = contacts;
        this.agents = agents;
        this.teams = teams;
        this.mailboxes = mailboxes;
        this.templates = templates;
        this.outbox = outbox;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void on(TicketAssigned assigned) {
        if (assigned.ownerId() == null || assigned.ownerId().equals(assigned.previousOwnerId())) {
            return;
        }
        var mailbox = mailboxes.senderFor(assigned.ticketId());
        if (mailbox.isEmpty()) {
            return;
        }
        var ticket = tickets.get(assigned.ticketId());
        if (ticket.pendingReason() == PendingReason.ACCOUNT_MANAGER) {
            return; // out-of-scope work: the account manager gets the lead's own mail and talks to the client
        }
        var owner = agents.get(assigned.ownerId());
        var requester = contacts.get(ticket.requesterId());
        Map<String, String> values = Map.of(
                "ticket.number",
                String.valueOf(ticket.number()),
                "ticket.subject",
                ticket.subject(),
                "ticket.priority",
                ticket.priority().name(),
                "ticket.url",
                publicUrl + "/tickets/" + ticket.number(),
                "requester.name",
                requester.name(),
                "agent.name",
                owner.displayName(),
                "team.name",
                ticket.teamId() == null ? "support" : teams.get(ticket.teamId()).name(),
                "mailbox.name",
                mailbox.get().name());
        if (requester.primaryEmail() != null && !ticket.internal()) {
            var rendered = templates.render(MailTemplates.Key.ASSIGNED, values);
            outbox.enqueue(
                    new OutboundMail(
                            mailbox.get().id(),
                            ticket.id(),
                            null,
                            OutboundMail.Kind.ASSIGNMENT,
                            List.of(requester.primaryEmail()),
                            List.of(),
                            "[#" + ticket.number() + "] " + rendered.subject(),
                            rendered.body()),
                    mailbox.get().address());
            events.publishEvent(new RequesterToldOfAssignment(ticket.id()));
        }
        if (ticket.critical() && !owner.email().isBlank() && !takenBy(owner.id())) {
            var rendered = templates.render(MailTemplates.Key.ASSIGNEE_ALERT, values);
            outbox.enqueue(
                    new OutboundMail(
                            mailbox.get().id(),
                            ticket.id(),
                            null,
                            OutboundMail.Kind.ASSIGNEE_ALERT,
                            List.of(owner.email()),
                            List.of(),
                            rendered.subject(),
                            rendered.body()),
                    mailbox.get().address());
        }
    }

    private static boolean takenBy(long agentId) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof AgentPrincipal agent
                && agent.id() == agentId;
    }
}
