package org.firstline.ticket.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.Impact;
import org.firstline.ticket.NotRepresentativeException;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.firstline.ticket.Resolution;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.firstline.ticket.TicketView;
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

    @PostMapping("/tickets/{number}/properties")
    String properties(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "labels", required = false) List<String> labels,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var current = tickets.get(id);
        try {
            changes.change(id, change(current, form, labels, Set.of()), agent);
            flash.addFlashAttribute("notice", "Ticket updated.");
        } catch (NotRepresentativeException e) {
            // asked where the triager is looking, with their change kept for one more click
            var kept = new java.util.LinkedHashMap<>(form);
            kept.remove("_csrf");
            kept.remove("labels");
            flash.addFlashAttribute("representativeWarning", e.getMessage());
            flash.addFlashAttribute("keptProperties", kept);
            flash.addFlashAttribute("keptLabels", labels == null ? List.of() : labels);
        } catch (InvalidRequestException | ConflictException refused) {
            // one refused field must not throw away the rest of what the agent changed: save the rest and say what was
            // not
            Set<String> left = refusedGroup(refused);
            if (left.isEmpty()) throw refused;
            changes.change(id, change(current, form, labels, left), agent);
            flash.addFlashAttribute("notice", "Other changes saved.");
            String kept = String.join(
                    ", ",
                    left.stream().sorted().map(TicketActionsController::label).toList());
            flash.addFlashAttribute(
                    "error",
                    "Not saved: " + org.firstline.platform.RefusalMessages.of(refused) + ". So " + kept
                            + " stay as they were.");
        }
        return "redirect:/tickets/" + number;
    }

    private static String label(String field) {
        return switch (field) {
            case "teamId" -> "team";
            case "ownerId" -> "owner";
            case "organizationId" -> "organization";
            case "serviceId" -> "service";
            case "pendingReason" -> "pending reason";
            case "resolutionLink" -> "resolution link";
            default -> field;
        };
    }

    /** The fields left out when one of them is refused: an owner goes with its team, a status with its reason and resolution. */
    private static Set<String> refusedGroup(RuntimeException refused) {
        String field = refused instanceof InvalidRequestException invalid ? invalid.field() : "status";
        return switch (field == null ? "" : field) {
            case "teamId", "ownerId" -> Set.of("teamId", "ownerId");
            case "organizationId", "serviceId" -> Set.of("organizationId", "serviceId");
            case "status", "pendingReason", "resolution", "resolutionLink" ->
                Set.of("status", "pendingReason", "resolution", "resolutionLink");
            default -> Set.of();
        };
    }

    private static TicketChange change(
            TicketView current, Map<String, String> form, List<String> labels, Set<String> leaveOut) {
        TicketStatus status = leaveOut.contains("status")
                ? current.status()
                : TicketStatus.valueOf(
                        form.getOrDefault("status", current.status().name()));
        return new TicketChange(
                blank(form.get("subject")) ? null : form.get("subject"),
                status == current.status() && status != TicketStatus.PENDING ? null : status,
                status == TicketStatus.PENDING
                                && !blank(form.get("pendingReason"))
                                && !leaveOut.contains("pendingReason")
                        ? PendingReason.valueOf(form.get("pendingReason"))
                        : null,
                Priority.valueOf(
                        form.getOrDefault("priority", current.priority().name())),
                TicketType.valueOf(form.getOrDefault("type", current.type().name())),
                Impact.valueOf(form.getOrDefault("impact", current.impact().name())),
                leaveOut.contains("teamId") ? null : id(form, "teamId"),
                leaveOut.contains("ownerId") ? null : id(form, "ownerId"),
                leaveOut.contains("organizationId") ? null : id(form, "organizationId"),
                leaveOut.contains("serviceId") ? null : id(form, "serviceId"),
                labels == null ? List.of() : labels,
                null,
                form.containsKey("funded"),
                form.get("fundingReference"),
                blank(form.get("resolution")) || leaveOut.contains("resolution")
                        ? null
                        : Resolution.valueOf(form.get("resolution")),
                blank(form.get("resolutionLink")) || leaveOut.contains("resolutionLink")
                        ? null
                        : form.get("resolutionLink"),
                "true".equals(form.get("confirmNotRepresentative")));
    }

    @PostMapping("/tickets/{number}/resolution")
    String resolution(
            @TicketId long id,
            @PathVariable long number,
            @RequestParam String outcome,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if ("CONFIRMED".equals(outcome)) {
            changes.confirmResolution(id, agent);
            flash.addFlashAttribute("notice", "Resolution confirmed; the ticket is closed.");
        } else {
            changes.rejectResolution(id, agent);
            flash.addFlashAttribute("notice", "Resolution rejected; the ticket is open again and back in triage.");
        }
        return "redirect:/tickets/" + number;
    }

    @GetMapping(path = "/tickets/{number}/canned/{cannedId}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> canned(
            @TicketId long id, @PathVariable long cannedId, @AuthenticationPrincipal AgentPrincipal agent) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .body(placeholders.render(cannedId, tickets.get(id), agent));
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
