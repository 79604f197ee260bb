package org.firstline.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.Impact;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Contract;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Form posts from the ticket page: property changes, the requester's answer to a resolution. */
@Controller
class TicketActionsController {
    private final TicketChanges changes;
    private final TicketService tickets;
    private final TicketPlaceholders placeholders;

    TicketActionsController(TicketChanges changes, TicketService tickets, TicketPlaceholders placeholders) {
        this.changes = changes;
        this.tickets = tickets;
        this.placeholders = placeholders;
    }

    @PostMapping("/tickets/{id}/properties")
    String properties(@PathVariable long id, @RequestParam Map<String, String> form,
            @RequestParam(name = "labels", required = false) List<String> labels, @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var current = tickets.get(id);
        TicketStatus status = TicketStatus.valueOf(form.getOrDefault("status", current.status().name()));
        var change = new TicketChange(
                blank(form.get("subject")) ? null : form.get("subject"),
                status == current.status() && status != TicketStatus.PENDING ? null : status,
                status == TicketStatus.PENDING && !blank(form.get("pendingReason")) ? PendingReason.valueOf(form.get("pendingReason")) : null,
                Priority.valueOf(form.getOrDefault("priority", current.priority().name())),
                TicketType.valueOf(form.getOrDefault("type", current.type().name())),
                Impact.valueOf(form.getOrDefault("impact", current.impact().name())),
                id(form, "teamId"), id(form, "ownerId"), id(form, "organizationId"), id(form, "serviceId"),
                labels == null ? List.of() : labels,
                null,
                form.containsKey("funded"),
                form.get("fundingReference"),
                blank(form.get("resolution")) ? null : Resolution.valueOf(form.get("resolution")),
                blank(form.get("resolutionLink")) ? null : form.get("resolutionLink"));
        changes.change(id, change, agent);
        flash.addFlashAttribute("notice", "Ticket updated.");
        return "redirect:/tickets/" + id;
    }

    @PostMapping("/tickets/{id}/resolution")
    String resolution(@PathVariable long id, @RequestParam String outcome, @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if ("CONFIRMED".equals(outcome)) {
            changes.confirmResolution(id, agent);
            flash.addFlashAttribute("notice", "Resolution confirmed; the ticket is closed.");
        } else {
            changes.rejectResolution(id, agent);
            flash.addFlashAttribute("notice", "Resolution rejected; the ticket is open again and back in triage.");
        }
        return "redirect:/tickets/" + id;
    }

    @GetMapping(path = "/tickets/{id}/canned/{cannedId}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> canned(@PathVariable long id, @PathVariable long cannedId, @AuthenticationPrincipal AgentPrincipal agent) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(placeholders.render(cannedId, tickets.get(id), agent));
    }

    /** An empty select means "none"; a field not in the form means "unchanged". */
    private static @Nullable Optional<Long> id(Map<String, String> form, String field) {
        if (!form.containsKey(field)) {
            return null;
        }
        return blank(form.get(field)) ? Optional.empty() : Optional.of(Long.valueOf(form.get(field)));
    }

    @Contract("null -> true")
    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
