package org.firstline.statuspage.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.firstline.incident.ComponentForm;
import org.firstline.incident.ComponentStatus;
import org.firstline.incident.MaintenanceForm;
import org.firstline.incident.Maintenances;
import org.firstline.incident.StatusComponents;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of the public status page: its name, its components and planned maintenance. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StatusAdminController {
    private final StatusComponents components;
    private final Maintenances maintenances;

    StatusAdminController(StatusComponents components, Maintenances maintenances) {
        this.components = components;
        this.maintenances = maintenances;
    }

    @GetMapping("/admin/status")
    String page(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "status");
        model.addAttribute("pageName", components.pageName());
        model.addAttribute("components", components.list(false));
        model.addAttribute("statuses", ComponentStatus.values());
        model.addAttribute("maintenances", maintenances.list(false));
        return "statuspage/admin";
    }

    @PostMapping("/admin/status/name")
    String rename(@RequestParam String name, RedirectAttributes flash) {
        components.renamePage(name);
        flash.addFlashAttribute("notice", "Page name saved.");
        return "redirect:/admin/status";
    }

    @PostMapping("/admin/status/components")
    String addComponent(
            @RequestParam String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "0") int position,
            RedirectAttributes flash) {
        components.create(new ComponentForm(name, description, group, position, ComponentStatus.OPERATIONAL));
        flash.addFlashAttribute("notice", "Component added.");
        return "redirect:/admin/status";
    }

    @PostMapping("/admin/status/components/{id}")
    String updateComponent(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = "0") int position,
            @RequestParam ComponentStatus status,
            RedirectAttributes flash) {
        components.update(id, new ComponentForm(name, description, group, position, status));
        flash.addFlashAttribute("notice", "Component saved.");
        return "redirect:/admin/status";
    }

    @PostMapping("/admin/status/components/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes flash) {
        components.archive(id);
        flash.addFlashAttribute("notice", "Component archived: it is no longer on the status page.");
        return "redirect:/admin/status";
    }

    /** Times in the form are UTC, as the form says: the page is read around the world. */
    @PostMapping("/admin/status/maintenances")
    String schedule(
            @RequestParam String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam String scheduledFor,
            @RequestParam String scheduledUntil,
            @RequestParam(name = "componentIds", required = false) @Nullable List<Long> componentIds,
            RedirectAttributes flash) {
        maintenances.schedule(new MaintenanceForm(
                title,
                body,
                utc("scheduledFor", scheduledFor),
                utc("scheduledUntil", scheduledUntil),
                componentIds == null ? List.of() : componentIds));
        flash.addFlashAttribute("notice", "Maintenance scheduled.");
        return "redirect:/admin/status";
    }

    @PostMapping("/admin/status/maintenances/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes flash) {
        maintenances.cancel(id);
        flash.addFlashAttribute("notice", "Maintenance cancelled.");
        return "redirect:/admin/status";
    }

    private static Instant utc(String field, String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            throw new InvalidRequestException(field, "is not a date and time");
        }
    }
}
