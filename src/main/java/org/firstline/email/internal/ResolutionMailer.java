package org.firstline.email.internal;

import java.util.List;
import java.util.Map;
import org.firstline.directory.ContactService;
import org.firstline.platform.FirstlineSettings;
import org.firstline.platform.LinkTokens;
import org.firstline.survey.SatisfactionSurveys;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketSettingsService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Resolving a ticket mails its requester once, in the conversation's thread: a link to confirm the fix, one to say it
 * is not fixed, and the satisfaction survey's rating links. Queued in the transaction that resolved it; resolving
 * again after a reopen mails again, with a new survey.
 */
@Component
class ResolutionMailer {
    private final TicketService tickets;
    private final ContactService contacts;
    private final MailboxStore mailboxes;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final ResolutionRequests requests;
    private final TicketSettingsService ticketSettings;
    private final SatisfactionSurveys surveys;
    private final String publicUrl;

    ResolutionMailer(
            TicketService tickets,
            ContactService contacts,
            MailboxStore mailboxes,
            MailTemplates templates,
            Outbox outbox,
            ResolutionRequests requests,
            TicketSettingsService ticketSettings,
            SatisfactionSurveys surveys,
            FirstlineSettings settings) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.mailboxes = mailboxes;
        this.templates = templates;
        this.outbox = outbox;
        this.requests = requests;
        this.ticketSettings = ticketSettings;
        this.surveys = surveys;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void on(TicketStatusChanged changed) {
        if ((changed.from() == TicketStatus.RESOLVED) != (changed.to() == TicketStatus.RESOLVED)) {
            requests.withdrawUnsent(changed.ticketId(), changed.to() == TicketStatus.CLOSED);
        }
        if (changed.to() != TicketStatus.RESOLVED || changed.from() == TicketStatus.RESOLVED) {
            return;
        }
        var ticket = tickets.get(changed.ticketId());
        var requester = contacts.get(ticket.requesterId());
        if (ticket.internal() || requester.primaryEmail() == null) {
            return;
        }
        var mailbox = mailboxes.senderFor(ticket.id());
        String token = LinkTokens.token();
        String link = publicUrl + "/resolutions/" + token;
        // the one resolution mail carries the satisfaction survey: a ticket closed directly gets neither
        var survey = surveys.invite(ticket.id());
        String resolution = ticket.resolution() == null
                ? ""
                : "How: "
                        + ticket.resolution()
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ')
                        + (ticket.resolutionLink() == null ? "" : " (" + ticket.resolutionLink() + ")") + "\n";
        var rendered = templates.render(
                MailTemplates.Key.RESOLUTION,
                Map.of(
                        "requester.name", requester.name(),
                        "ticket.number", String.valueOf(ticket.number()),
                        "ticket.subject", ticket.subject(),
                        "resolution.text", resolution,
                        "confirm.url", link + "?answer=confirm",
                        "reject.url", link + "?answer=not-fixed",
                        "close.days", String.valueOf(ticketSettings.get().autoCloseDays()),
                        "survey.text", "\n" + survey.mailText(),
                        "mailbox.name", mailbox.map(m -> m.name()).orElse("Support")));
        String body = rendered.body().replaceAll("\n{3,}", "\n\n");
        long outboundId = outbox.enqueue(
                new OutboundMail(
                        mailbox.map(m -> m.id()).orElse(null),
                        ticket.id(),
                        null,
                        OutboundMail.Kind.RESOLUTION,
                        List.of(requester.primaryEmail()),
                        List.of(),
                        "[#" + ticket.number() + "] " + rendered.subject(),
                        body),
                mailbox.map(m -> m.address()).orElse(null));
        requests.record(ticket.id(), token, outboundId);
    }
}
