package org.firstline.incident.web;

import static org.firstline.incident.web.IncidentPagesController.refusing;

import java.time.LocalDate;
import org.firstline.incident.IncidentStatus;
import org.firstline.incident.internal.IncidentUpdates;
import org.firstline.incident.internal.Retrospectives;
import org.firstline.incident.internal.SurgeWatch;
import org.firstline.incident.internal.UpdateForm;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Posting updates from the incident page, the retrospective, and the desk's surge banner. */
@Controller
class IncidentWorkPagesController {
    private final IncidentUpdates updates;
    private final Retrospectives retrospectives;
    private final SurgeWatch surges;

    IncidentWorkPagesController(IncidentUpdates updates, Retrospectives retrospectives, SurgeWatch surges) {
        this.updates = updates;
        this.retrospectives = retrospectives;
        this.surges = surges;
    }

    @PostMapping("/incidents/{id}/updates")
    String post(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(required = false) @Nullable IncidentStatus status,
            @RequestParam(defaultValue = "public") String visibility,
            @RequestParam(defaultValue = "false") boolean resolveTickets,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        return refusing(flash, "redirect:/incidents/" + id, () -> {
            if (body.isBlank()) throw new InvalidRequestException("body", "is required: say what changed");
            if (body.length() > 20000) throw new InvalidRequestException("body", "must be at most 20000 characters");
            var posted = updates.post(
                    id, new UpdateForm(body, status, visibility.equals("public"), resolveTickets, null, null), agent);
            flash.addFlashAttribute(
                    "notice",
                    "Update posted"
                            + (posted.notices() > 0 ? "; " + posted.notices() + " people will hear it by mail" : "")
                            + (posted.ticketsResolved() > 0
                                    ? "; " + posted.ticketsResolved() + " tickets resolved"
                                    : "")
                            + ".");
            return "redirect:/incidents/" + id;
        });
    }

    @PostMapping("/incidents/{id}/retrospective")
    String retrospective(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String background,
            @RequestParam(defaultValue = "") String currentState,
            @RequestParam(defaultValue = "") String goal,
            @RequestParam(defaultValue = "") String rootCause,
            @RequestParam(defaultValue = "") String countermeasures,
            @RequestParam(defaultValue = "") String plan,
            @RequestParam(defaultValue = "") String followUp,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        String back = "redirect:/incidents/" + id + "?tab=retrospective";
        return refusing(flash, back, () -> {
            for (String field :
                    new String[] {background, currentState, goal, rootCause, countermeasures, plan, followUp}) {
                if (field.length() > 20000) {
                    throw new InvalidRequestException("retrospective", "fields must be at most 20000 characters each");
                }
            }
            retrospectives.save(
                    id,
                    new Retrospectives.A3(
                            background, currentState, goal, rootCause, countermeasures, plan, followUp, null),
                    agent);
            flash.addFlashAttribute("notice", "Retrospective saved.");
            return back;
        });
    }

    @PostMapping("/incidents/{id}/actions")
    String addAction(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) @Nullable Long ownerId,
            @RequestParam(required = false) @Nullable LocalDate dueOn,
            @RequestParam(required = false) @Nullable Long engineeringIssueId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        String back = "redirect:/incidents/" + id + "?tab=retrospective";
        return refusing(flash, back, () -> {
            if (title.isBlank() || title.length() > 200) {
                throw new InvalidRequestException("title", "is required, at most 200 characters");
            }
            retrospectives.addAction(
                    id, new Retrospectives.ActionForm(title, ownerId, dueOn, engineeringIssueId), agent);
            flash.addFlashAttribute("notice", "Action added.");
            return back;
        });
    }

    @PostMapping("/incidents/{id}/actions/{actionId}/done")
    String done(
            @PathVariable long id,
            @PathVariable long actionId,
            @RequestParam(defaultValue = "true") boolean done,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        retrospectives.markDone(id, actionId, done, agent);
        flash.addFlashAttribute("notice", done ? "Action done." : "Action open again.");
        return "redirect:/incidents/" + id + "?tab=retrospective";
    }

    /** The desk's banner: empty unless similar new tickets from several organizations suggest an incident. */
    @GetMapping("/incidents/surge")
    String surge(Model model) {
        model.addAttribute("surge", surges.current().orElse(null));
        model.addAttribute("settings", surges.settings());
        return "incident/surge :: banner";
    }
}
