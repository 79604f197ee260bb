package org.firstline.ticket.web;

import org.firstline.directory.OrganizationService;
import org.firstline.ticket.Impact;
import org.firstline.ticket.SeverityDefinitions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins write down what "critical" means and what each priority and impact means, for everyone or per plan. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DefinitionsAdminController {
    private final SeverityDefinitions definitions;
    private final OrganizationService organizations;

    DefinitionsAdminController(SeverityDefinitions definitions, OrganizationService organizations) {
        this.definitions = definitions;
        this.organizations = organizations;
    }

    @GetMapping("/admin/definitions")
    String page(@RequestParam(required = false) Long planId, Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "definitions");
        model.addAttribute("plans", organizations.plans());
        model.addAttribute("planId", planId);
        model.addAttribute("critical", definitions.critical());
        model.addAttribute(
                "impactLevels",
                java.util.List.of(Impact.MINOR, Impact.DEGRADED, Impact.MAJOR, Impact.OUTAGE, Impact.DATA_LOSS));
        model.addAttribute("priorities", definitions.priorities(planId));
        model.addAttribute("impacts", definitions.impacts(planId));
        return "admin/definitions";
    }

    @PostMapping("/admin/definitions/critical")
    String critical(@RequestParam Impact minimumImpact, @RequestParam String meaning, RedirectAttributes flash) {
        definitions.defineCritical(minimumImpact, meaning);
        flash.addFlashAttribute("notice", "Saved what critical means.");
        return "redirect:/admin/definitions";
    }

    @PostMapping("/admin/definitions/level")
    String level(
            @RequestParam(required = false) Long planId,
            @RequestParam String scale,
            @RequestParam String level,
            @RequestParam(defaultValue = "") String meaning,
            RedirectAttributes flash) {
        definitions.define(planId, scale, level, meaning);
        flash.addFlashAttribute(
                "notice",
                planId != null && meaning.isBlank()
                        ? level + " follows the default meaning again."
                        : "Saved what " + level + " means.");
        return "redirect:/admin/definitions" + (planId == null ? "" : "?planId=" + planId);
    }
}
