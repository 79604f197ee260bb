package org.firstline.ticket.web;

import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.AttachmentService;
import org.firstline.ticket.AuditTrail;
import org.firstline.ticket.CannedResponseService;
import org.firstline.ticket.LinkService;
import org.firstline.ticket.TicketView;
import org.firstline.ticket.TimeTrackingService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The work panels of a ticket page: links, time and timer, canned responses, audit trail, files of no message. */
@Component
class TicketWorkViews {
    private final LinkService links;
    private final TimeTrackingService time;
    private final CannedResponseService canned;
    private final AuditTrail audit;
    private final AttachmentService attachments;

    TicketWorkViews(
            LinkService links,
            TimeTrackingService time,
            CannedResponseService canned,
            AuditTrail audit,
            AttachmentService attachments) {
        this.links = links;
        this.time = time;
        this.canned = canned;
        this.audit = audit;
        this.attachments = attachments;
    }

    void addTo(Model model, TicketView ticket, AgentPrincipal agent) {
        model.addAttribute("links", links.links(ticket.id()));
        var entries = time.entries(ticket.id());
        model.addAttribute("timeEntries", entries);
        model.addAttribute(
                "totalMinutes", entries.stream().mapToInt(e -> e.minutes()).sum());
        model.addAttribute(
                "timerStartedAt", time.timerStartedAt(ticket.id(), agent.id()).orElse(null));
        model.addAttribute("cannedResponses", canned.list());
        model.addAttribute("audit", audit.forTicket(ticket.id()));
        // files attached from the side panel (or the API without a message) are shown there; the rest under their
        // message
        model.addAttribute(
                "ticketFiles",
                attachments.list(ticket.id()).stream()
                        .filter(a -> a.messageId() == null)
                        .toList());
    }
}
