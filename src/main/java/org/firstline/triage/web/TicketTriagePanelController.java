package org.firstline.triage.web;

import java.util.Optional;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketChange;
import org.firstline.ticket.TicketChanges;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketType;
import org.firstline.triage.EngineeringManagerHandover;
import org.firstline.triage.PriorityFactorsForm;
import org.firstline.triage.PriorityService;
import org.firstline.triage.SuggestionService;
import org.firstline.triage.TriageDesk;
import org.firstline.triage.WorkQueue;
import org.firstline.triage.Workaround;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Triage beside a ticket's conversation: who else has it open, the priority question, suggested team and people,
 * similar past tickets and the 30-minute timebox. Loaded into the ticket page, which stays free of triage's code.
 */
@Controller
class TicketTriagePanelController {
    private final TicketService tickets;
    private final TicketChanges changes;
    private final SuggestionService suggestions;
    private final PriorityService priorities;
    private final TriageDesk desk;
    private final WorkQueue workQueue;
    private final EngineeringManagerHandover handover;

    TicketTriagePanelController(
            TicketService tickets,
            TicketChanges changes,
            SuggestionService suggestions,
            PriorityService priorities,
            TriageDesk desk,
            WorkQueue workQueue,
            EngineeringManagerHandover handover) {
        this.tickets = tickets;
        this.changes = changes;
        this.suggestions = suggestions;
        this.priorities = priorities;
        this.desk = desk;
        this.workQueue = workQueue;
        this.handover = handover;
    }

    @GetMapping("/triage/tickets/{id}/panel")
    String panel(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        var ticket = tickets.get(id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("suggestions", suggestions.suggest(id));
        model.addAttribute("factors", priorities.factors(id));
        model.addAttribute("workarounds", Workaround.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("presence", desk.presence(id, agent));
        boolean timeboxed = !ticket.critical() && ticket.type() != TicketType.INCIDENT;
        model.addAttribute("timeboxed", timeboxed);
        model.addAttribute("minutesSpent", workQueue.minutesSpent(id));
        model.addAttribute("timeboxMinutes", WorkQueue.TIMEBOX.toMinutes());
        if (ticket.critical())
            model.addAttribute("handedOver", handover.latest(id).orElse(null));
        if (ticket.type() == TicketType.CHANGE_REQUEST)
            model.addAttribute("projectManagers", handover.projectManagers());
        return "triage/panel :: panel";
    }

    @GetMapping("/triage/tickets/{id}/presence")
    String presence(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        model.addAttribute("presence", desk.presence(id, agent));
        return "triage/panel :: presence";
    }

    @PostMapping("/triage/tickets/{id}/factors")
    String factors(
            @PathVariable long id,
            @RequestParam Workaround workaround,
            @RequestParam(defaultValue = "false") boolean blocksPriorityWork,
            @RequestParam(defaultValue = "false") boolean alignedWithGoals,
            @RequestParam(defaultValue = "false") boolean alignedWithUpstream,
            @RequestParam(defaultValue = "0") int issueReactions,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if (issueReactions < 0) {
            throw new org.firstline.platform.InvalidRequestException("issueReactions", "must not be negative");
        }
        priorities.update(
                id,
                new PriorityFactorsForm(
                        workaround, blocksPriorityWork, alignedWithGoals, alignedWithUpstream, issueReactions),
                agent);
        var suggestion = priorities.suggest(id);
        flash.addFlashAttribute(
                "notice",
                "Priority factors saved: they say " + suggestion.suggested() + " (" + suggestion.explanation() + ").");
        return backTo(id);
    }

    /** The answer to "does the priority still hold?": keep it, or set another one. */
    @PostMapping("/triage/tickets/{id}/priority-check")
    String priorityCheck(
            @PathVariable long id,
            @RequestParam(required = false) Priority priority,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var result = priorities.confirm(id, priority, agent);
        flash.addFlashAttribute("notice", "Priority " + result.current() + " confirmed.");
        return backTo(id);
    }

    /** Takes a suggestion: the team (through the desk while the ticket has none, so it cannot be given twice) and a person. */
    @PostMapping("/triage/tickets/{id}/apply-suggestion")
    String apply(
            @PathVariable long id,
            @RequestParam long teamId,
            @RequestParam(required = false) Long ownerId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var ticket = tickets.get(id);
        if (ticket.teamId() == null) {
            desk.assign(id, teamId, ownerId, agent);
        } else {
            changes.change(id, TicketChange.routing(Optional.of(teamId), Optional.ofNullable(ownerId)), agent);
        }
        flash.addFlashAttribute("notice", "Assigned.");
        return backTo(id);
    }

    /** A critical ticket nobody on its team can take: the engineering manager finds people for it. */
    @PostMapping("/triage/tickets/{id}/engineering-manager")
    String askEngineeringManager(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var request = handover.ask(id, reason, agent);
        String names =
                String.join(", ", request.managers().stream().map(m -> m.name()).toList());
        flash.addFlashAttribute(
                "notice",
                "Handed to the engineering manager: " + names + "."
                        + (request.withoutEmail().isEmpty()
                                ? " They have been mailed."
                                : " No email address for " + String.join(", ", request.withoutEmail())
                                        + ": tell them another way."));
        return backTo(id);
    }

    private String backTo(long ticketId) {
        return "redirect:/tickets/" + tickets.get(ticketId).number();
    }
}
