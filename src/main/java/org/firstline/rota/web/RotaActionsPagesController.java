package org.firstline.rota.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.Notice;
import org.firstline.rota.OverrideForm;
import org.firstline.rota.Rotations;
import org.firstline.rota.internal.FormCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What people do on a rota page: swaps and their approvals, overrides, out-of-office, joining on call. */
@Controller
class RotaActionsPagesController {
    private final Rotations rotations;
    private final RotaPageLists lists;
    private final RotaPageModel model;

    RotaActionsPagesController(Rotations rotations, RotaPageLists lists, RotaPageModel model) {
        this.rotations = rotations;
        this.lists = lists;
        this.model = model;
    }

    @PostMapping("/rotas/{id}/swaps")
    String propose(
            @PathVariable long id,
            @RequestParam long shiftId,
            @RequestParam(required = false) @Nullable Long otherShiftId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var notice = lists.swaps().propose(shiftId, otherShiftId, agent);
        tell(flash, "Swap proposed to " + notice.result().otherName() + ".", notice);
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/swaps/{swapId}/{step}")
    String step(
            @PathVariable long id,
            @PathVariable long swapId,
            @PathVariable String step,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var swap = switch (step) {
            case "accept" -> lists.swaps().accept(swapId, agent);
            case "approve" -> lists.swaps().approve(swapId, agent);
            case "refuse" -> lists.swaps().refuse(swapId, agent);
            default -> throw new InvalidRequestException("step", "must be accept, approve or refuse");
        };
        flash.addFlashAttribute(
                "notice",
                swap.status().equals("APPROVED")
                        ? "Swap approved: the shifts are swapped."
                        : "Swap " + swap.status().toLowerCase(java.util.Locale.ROOT) + ".");
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/overrides")
    String override(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam String startsAt,
            @RequestParam String endsAt,
            @RequestParam(required = false) @Nullable Long removedAgentId,
            @RequestParam(required = false) @Nullable Long addedAgentId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        model.mustPlan(agent);
        ZoneId zone = rotations.get(id).handoffs().zone();
        var notice = lists.overrides()
                .add(
                        id,
                        new OverrideForm(
                                role,
                                local("startsAt", startsAt, zone),
                                local("endsAt", endsAt, zone),
                                removedAgentId,
                                addedAgentId));
        tell(flash, "Override saved.", notice);
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/overrides/{overrideId}/delete")
    String deleteOverride(
            @PathVariable long id,
            @PathVariable long overrideId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        model.mustPlan(agent);
        lists.overrides().delete(id, overrideId);
        flash.addFlashAttribute("notice", "Override removed.");
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/on-call-requests")
    String join(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String role,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        lists.onCall().request(id, role, agent);
        flash.addFlashAttribute("notice", "Asked: the head of operations decides.");
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/on-call-requests/{requestId}/{decision}")
    String decide(
            @PathVariable long id,
            @PathVariable long requestId,
            @PathVariable String decision,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var done = lists.onCall().decide(requestId, decision.equals("approve"), agent);
        flash.addFlashAttribute(
                "notice", done.agentName() + ": " + done.status().toLowerCase(java.util.Locale.ROOT) + ".");
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/alerts/{shiftId}/dismiss")
    String dismiss(@PathVariable long id, @PathVariable long shiftId, @AuthenticationPrincipal AgentPrincipal agent) {
        model.mustPlan(agent);
        lists.outOfOffice().dismissAlert(id, shiftId);
        return "redirect:/rotas/" + id;
    }

    /** One's own out-of-office, whole days in one's own time zone. */
    @PostMapping("/rotas/out-of-office")
    String absent(
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) @Nullable String reason,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        LocalDate first = FormCheck.date("from", from, LocalDate.MIN);
        LocalDate last = FormCheck.date("to", to, first);
        if (last.isBefore(first)) throw new InvalidRequestException("to", "must not be before from");
        var notice = lists.outOfOffice()
                .add(
                        agent.id(),
                        first.atStartOfDay(agent.zone()).toInstant().toString(),
                        last.plusDays(1).atStartOfDay(agent.zone()).toInstant().toString(),
                        reason);
        tell(flash, "Out of office saved.", notice);
        return "redirect:/rotas";
    }

    @PostMapping("/rotas/out-of-office/{absenceId}/delete")
    String back(@PathVariable long absenceId, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        if (lists.outOfOffice().get(absenceId).agentId() != agent.id()) model.mustPlan(agent);
        lists.outOfOffice().delete(absenceId);
        flash.addFlashAttribute("notice", "Out of office removed.");
        return "redirect:/rotas";
    }

    private static String local(String field, String value, ZoneId zone) {
        try {
            return org.firstline.rota.Handoffs.instant(java.time.LocalDateTime.parse(value.strip()), zone)
                    .toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(field, "is not a date and time");
        }
    }

    private static void tell(RedirectAttributes flash, String done, Notice<?> notice) {
        flash.addFlashAttribute(
                "notice", done + (notice.warnings().isEmpty() ? "" : " " + String.join(" ", notice.warnings())));
        if (!notice.warnings().isEmpty()) flash.addFlashAttribute("changeWarnings", List.copyOf(notice.warnings()));
    }
}
