package org.firstline.integration;

import org.firstline.directory.OrganizationService;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The words of engineering issues. A public tracker gets only what the agent wrote for it (customer data stays
 * private); an internal one also gets the organization and the requester's first message.
 */
@Component
class IssueTexts {
    private final ConversationService conversation;
    private final OrganizationService organizations;
    private final String publicUrl;

    IssueTexts(ConversationService conversation, OrganizationService organizations, FirstlineSettings settings) {
        this.conversation = conversation;
        this.organizations = organizations;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    String escalation(TicketView ticket, EscalationForm form) {
        String investigation =
                form.investigation() == null || form.investigation().isBlank()
                        ? null
                        : form.investigation().strip();
        if (form.tracker().isPublic()) {
            if (investigation == null) {
                throw new InvalidRequestException(
                        "investigation",
                        "is required for a public tracker: write what the public issue says; "
                                + "nothing the customer wrote is copied there");
            }
            return investigation + "\n\n---\nEscalated from Firstline support ticket #" + ticket.number() + ": "
                    + link(ticket);
        }
        return """
                **Support ticket** #%d: %s
                **Organization:** %s · **Priority:** %s · **Impact:** %s

                ## Summary
                %s

                ## Investigation so far
                %s

                ## The requester wrote
                %s

                ---
                Escalated from Firstline: %s""".formatted(
                        ticket.number(),
                        ticket.subject(),
                        organization(ticket),
                        ticket.priority(),
                        EscalationDrafts.impact(ticket),
                        form.summary().strip(),
                        investigation == null ? "_none recorded_" : investigation,
                        quote(request(ticket)),
                        link(ticket));
    }

    String planningTitle(TicketView ticket, Tracker tracker) {
        return tracker.isPublic() ? "Planned work for support ticket #" + ticket.number() : "Plan: " + ticket.subject();
    }

    String planning(TicketView ticket, Tracker tracker) {
        String footer = "---\nClosing this issue resolves the ticket. Opened from Firstline: " + link(ticket);
        if (tracker.isPublic()) {
            return "Requested in support ticket #" + ticket.number() + ". The details stay in the ticket.\n\n" + footer;
        }
        return "Requested in support ticket #%d (%s).\n\n%s\n\n%s"
                .formatted(ticket.number(), organization(ticket), quote(request(ticket)), footer);
    }

    private String link(TicketView ticket) {
        return publicUrl + "/tickets/" + ticket.number();
    }

    private String request(TicketView ticket) {
        return conversation.messages(ticket.id()).stream()
                .findFirst()
                .map(m -> m.body())
                .orElse("");
    }

    private String organization(TicketView ticket) {
        return ticket.organizationId() == null
                ? "none"
                : organizations.get(ticket.organizationId()).name();
    }

    private static String quote(String text) {
        String cut = text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
        return "> " + cut.strip().replace("\n", "\n> ");
    }
}
