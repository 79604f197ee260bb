package org.firstline.ticketform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticketform.internal.PendingRequests;
import org.firstline.ticketform.internal.RequestConfirmation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in the confirmation mail. Opening it only shows the request (mail scanners open links on their own); the
 * button confirms it. Here, with the address proved, the requester chooses the organization and service when theirs
 * leave a choice.
 */
@Controller
class ConfirmationController {
    private final PendingRequests requests;
    private final RequestConfirmation confirmation;
    private final TicketService tickets;

    ConfirmationController(PendingRequests requests, RequestConfirmation confirmation, TicketService tickets) {
        this.requests = requests;
        this.confirmation = confirmation;
        this.tickets = tickets;
    }

    @GetMapping("/request/confirm/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return page(token, model, response, null);
    }

    @PostMapping("/request/confirm/{token}")
    String confirm(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String organizationId,
            @RequestParam(required = false) @Nullable String serviceId,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!FormGuard.sameOrigin(request)) {
            response.setStatus(403);
            model.addAttribute("problem", RequestFormController.FOREIGN);
            return page(token, model, response, null);
        }
        var pending = requests.byToken(token);
        if (pending.isEmpty()) return page(token, model, response, null);
        try {
            var outcome = confirmation.confirm(pending.get(), id(organizationId), id(serviceId));
            var ticket = outcome.ticket();
            model.addAttribute("ticketNumber", ticket.number());
            model.addAttribute("created", outcome.created());
            model.addAttribute(
                    "held",
                    ticket.status() == TicketStatus.PENDING
                            && ticket.pendingReason() == PendingReason.REPRESENTATIVE_APPROVAL);
            return "ticketform/confirmed";
        } catch (PendingRequests.Expired e) {
            return page(token, model, response, null);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(token, model, response, "Please choose from the list.");
        }
    }

    private String page(String token, Model model, HttpServletResponse response, @Nullable String choiceProblem) {
        var pending = requests.byToken(token);
        model.addAttribute("token", token);
        if (pending.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("missing", true);
            return "ticketform/confirm";
        }
        var request = pending.get();
        model.addAttribute("request", request);
        model.addAttribute("expired", request.confirmedAt() == null && requests.expired(request));
        model.addAttribute(
                "choices", request.confirmedAt() == null ? confirmation.choices(request.email()) : java.util.List.of());
        model.addAttribute("choiceProblem", choiceProblem);
        Long ticketId = request.ticketId();
        if (ticketId != null)
            model.addAttribute("ticketNumber", tickets.get(ticketId).number());
        return "ticketform/confirm";
    }

    private static @Nullable Long id(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("organizationId", "is not a number");
        }
    }
}
