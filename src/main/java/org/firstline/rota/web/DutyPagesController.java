package org.firstline.rota.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.rota.ChecklistEntry;
import org.firstline.rota.Duties;
import org.firstline.rota.Duty;
import org.firstline.rota.DutyChecklists;
import org.firstline.rota.OnShift;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.Planners;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Who is on each duty now (or at a time), and the duty checklists of the shifts under way. */
@Controller
class DutyPagesController {
    private final Rotations rotations;
    private final Duties duties;
    private final DutyChecklists checklists;
    private final Planners planners;

    DutyPagesController(Rotations rotations, Duties duties, DutyChecklists checklists, Planners planners) {
        this.rotations = rotations;
        this.duties = duties;
        this.checklists = checklists;
        this.planners = planners;
    }

    public record DutyRow(Duty duty, RotationView rotation, List<OnShift> on, List<ChecklistEntry> checklist) {}

    @GetMapping("/duties")
    String page(@RequestParam(required = false) @Nullable String at, Model page) {
        Instant when = at == null || at.isBlank() ? rotations.clock().instant() : FormCheck.instant("at", at);
        var rows = new ArrayList<DutyRow>();
        for (RotationView rotation : rotations.list()) {
            if (!rotation.published()) continue;
            rows.add(new DutyRow(
                    rotation.duty(),
                    rotation,
                    duties.onShift(rotation.id(), when),
                    checklists.due(rotation.id(), when)));
        }
        rows.sort(java.util.Comparator.comparing((DutyRow r) -> r.duty().ordinal())
                .thenComparing(r -> r.rotation().name()));
        page.addAttribute("section", "rotas");
        page.addAttribute("rows", rows);
        page.addAttribute("at", when);
        page.addAttribute("now", at == null || at.isBlank());
        return "rota/duties";
    }

    @PostMapping("/duties/{rotationId}/checklist/{itemId}")
    String tick(
            @PathVariable long rotationId,
            @PathVariable long itemId,
            @RequestParam String dueOn,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var entry = checklists.tick(rotationId, itemId, dueOn, agent, planners.canPlan(agent));
        flash.addFlashAttribute("notice", "Ticked: " + entry.title() + ".");
        return "redirect:/duties";
    }

    @PostMapping("/rotas/{rotationId}/checklist-items")
    String addItem(
            @PathVariable long rotationId,
            @RequestParam String title,
            @RequestParam String weekday,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        planners.mustPlan(agent);
        checklists.add(rotationId, title, weekday);
        flash.addFlashAttribute("notice", "Checklist item added.");
        return "redirect:/rotas/" + rotationId;
    }
}
