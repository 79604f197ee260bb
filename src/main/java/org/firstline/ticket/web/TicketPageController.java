package org.firstline.ticket.web;

import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.ConversationService;
import org.firstline.ticket.Impact;
import org.firstline.ticket.LinkKind;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.ReplyMail;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.StatusTransitions;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketType;
import org.firstline.ticket.TicketView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The ticket page: conversation, reply box, properties, links, time, side panel and audit trail. */
@Controller
class TicketPageController {
    private final TicketService tickets;
    private final ConversationService conversation;
    private final TicketNames names;
    private final TicketSidePanel sidePanel;
    private final TicketWorkViews work;
    private final ReplyMail mail;

    TicketPageController(
            TicketService tickets,
            ConversationService conversation,
            TicketNames names,
            TicketSidePanel sidePanel,
            TicketWorkViews work,
            ReplyMail mail) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.names = names;
        this.sidePanel = sidePanel;
        this.work = work;
        this.mail = mail;
    }

    @GetMapping("/tickets/{number}")
    String page(@TicketId long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        TicketView ticket = tickets.get(id);
        model.addAttribute("section", "tickets");
        model.addAttribute("ticket", ticket);
        var messages = conversation.messages(id);
        model.addAttribute("messages", messages);
        model.addAttribute("unsentReplies", mail.unsent(id));
        model.addAttribute("unsentResolution", mail.unsentResolution(id).orElse(null));
        model.addAttribute(
                "lastMessageId", messages.stream().mapToLong(m -> m.id()).max().orElse(0));
        model.addAttribute("nextStatuses", StatusTransitions.next(ticket.status()));
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("impacts", Impact.values());
        model.addAttribute("pendingReasons", PendingReason.values());
        model.addAttribute("resolutions", Resolution.values());
        model.addAttribute("linkKinds", LinkKind.values());
        names.addTo(model, java.util.List.of(ticket));
        sidePanel.addTo(model, ticket);
        work.addTo(model, ticket, agent);
        return "ticket/page";
    }
}
