package org.firstline.incident.web;

import static org.firstline.incident.web.IncidentPagesController.refusing;

import org.firstline.incident.internal.SeverityLevels;
import org.firstline.incident.internal.SurgeWatch;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins define the severity levels and when a surge of tickets suggests an incident. */
@Controller
class IncidentAdminController {
    private final SeverityLevels levels;
    private final SurgeWatch surges;

    IncidentAdminController(SeverityLevels levels, SurgeWatch surges) {
        this.levels = levels;
        this.surges = surges;
    }

    @GetMapping("/admin/incidents")
    String page(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "incidents");
        model.addAttribute("levels", levels.list());
        model.addAttribute("settings", surges.settings());
        return "incident/admin";
    }

    @PostMapping("/admin/incidents/severities/{level}")
    String save(
            @PathVariable int level,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String factors,
            @RequestParam(defaultValue = "0") int updateIntervalMinutes,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        return refusing(flash, "redirect:/admin/incidents", () -> {
            if (name.isBlank() || name.length() > 40)
                throw new InvalidRequestException("name", "is required, at most 40 characters");
            if (factors.length() > 4000)
                throw new InvalidRequestException("factors", "must be at most 4000 characters");
            if (updateIntervalMinutes < 5 || updateIntervalMinutes > 10080) {
                throw new InvalidRequestException("updateIntervalMinutes", "must be 5 to 10080 minutes");
            }
            levels.save(level, new SeverityLevels.LevelForm(name, factors, updateIntervalMinutes), agent.auditName());
            flash.addFlashAttribute("notice", "Severity " + name + " saved.");
            return "redirect:/admin/incidents";
        });
    }

    @PostMapping("/admin/incidents/surge")
    String surge(
            @RequestParam int tickets,
            @RequestParam int organizations,
            @RequestParam int minutes,
            RedirectAttributes flash) {
        return refusing(flash, "redirect:/admin/incidents", () -> {
            if (tickets < 2
                    || tickets > 1000
                    || organizations < 1
                    || organizations > 1000
                    || minutes < 1
                    || minutes > 1440) {
                throw new InvalidRequestException(
                        "surge", "needs 2 to 1000 tickets, 1 to 1000 organizations, 1 to 1440 minutes");
            }
            surges.save(new SurgeWatch.Settings(tickets, organizations, minutes));
            flash.addFlashAttribute("notice", "Surge suggestion saved.");
            return "redirect:/admin/incidents";
        });
    }
}
