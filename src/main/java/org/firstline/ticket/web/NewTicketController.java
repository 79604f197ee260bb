package org.firstline.ticket.web;

import org.firstline.directory.OrganizationService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An agent opens a ticket on a requester's behalf (a phone call, a chat, an internal report). */
@Controller
class NewTicketController {
    private final TicketService tickets;
    private final OrganizationService organizations;

    NewTicketController(TicketService tickets, OrganizationService organizations) {
        this.tickets = tickets;
        this.organizations = organizations;
    }

    @GetMapping("/tickets/new")
    String form(Model model) {
        model.addAttribute("section", "tickets");
        model.addAttribute("organizations", organizations.list());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        return "ticket/new";
    }

    @PostMapping("/tickets/new")
    String open(
            @RequestParam String email,
            @RequestParam(defaultValue = "") String name,
            @RequestParam String subject,
            @RequestParam String body,
            @RequestParam(required = false) Long organizationId,
            @RequestParam TicketType type,
            @RequestParam Priority priority,
            @RequestParam Channel channel,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if (subject.isBlank() || body.isBlank()) {
            throw new org.firstline.platform.InvalidRequestException(
                    subject.isBlank() ? "subject" : "body", "is required");
        }
        var form = new OpenTicketForm(
                subject,
                body,
                new OpenTicketForm.Requester(email, name),
                organizationId,
                null,
                type,
                priority,
                null,
                channel,
                null,
                null,
                null,
                null,
                channel == Channel.INTERNAL,
                null,
                null,
                null,
                null,
                null);
        var ticket = tickets.open(form, agent, null);
        flash.addFlashAttribute("notice", "Ticket #" + ticket.number() + " opened.");
        return "redirect:/tickets/" + ticket.number();
    }
}
