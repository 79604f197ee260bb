package org.firstline.incident.web;

import org.firstline.incident.internal.IncidentStore;
import org.firstline.incident.internal.IncidentTickets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The ticket page's incident panel, loaded into the page like the other modules' panels so tickets need not know
 * about incidents: which incidents the ticket is part of, and the same declare-or-join choice the desk's key offers.
 */
@Controller
class TicketIncidentPanelController {
    private final IncidentStore store;
    private final IncidentTickets tickets;
    private final PageParts parts;

    TicketIncidentPanelController(IncidentStore store, IncidentTickets tickets, PageParts parts) {
        this.store = store;
        this.tickets = tickets;
        this.parts = parts;
    }

    @GetMapping("/incidents/tickets/{ticketId}/panel")
    String panel(@PathVariable long ticketId, Model model) {
        model.addAttribute(
                "incidents",
                tickets.incidentsOf(ticketId).stream().map(store::get).toList());
        model.addAttribute("ticketIds", String.valueOf(ticketId));
        model.addAttribute("inPanel", true);
        model.addAttribute("open", store.list(true, 50));
        model.addAttribute("severities", parts.severities());
        return "incident/ticket-panel :: panel";
    }
}
