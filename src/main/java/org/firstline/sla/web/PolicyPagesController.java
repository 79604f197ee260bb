package org.firstline.sla.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.firstline.directory.OrganizationService;
import org.firstline.platform.InvalidRequestException;
import org.firstline.sla.CalendarService;
import org.firstline.sla.PolicyForm;
import org.firstline.sla.PolicyTarget;
import org.firstline.sla.SlaPolicies;
import org.firstline.sla.SlaTarget;
import org.firstline.sla.TargetUnit;
import org.firstline.ticket.PendingReason;
import org.firstline.ticket.Priority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Service levels → a policy: its plan, calendar, pause reasons, warning threshold and targets per priority. */
@Controller
class PolicyPagesController {
    private final CalendarService calendars;
    private final SlaPolicies policies;
    private final OrganizationService organizations;

    PolicyPagesController(CalendarService calendars, SlaPolicies policies, OrganizationService organizations) {
        this.calendars = calendars;
        this.policies = policies;
        this.organizations = organizations;
    }

    @PostMapping("/admin/sla/policies")
    String createPolicy(
            @RequestParam String name,
            @RequestParam(required = false) Long planId,
            @RequestParam long calendarId,
            RedirectAttributes flash) {
        var created = policies.create(new PolicyForm(name, planId, calendarId, null, 80, List.of()));
        flash.addFlashAttribute("notice", "Policy created: now set its targets.");
        return "redirect:/admin/sla/policies/" + created.id();
    }

    @GetMapping("/admin/sla/policies/{id}")
    String policy(@PathVariable long id, Model page) {
        SlaAdminPagesController.admin(page);
        page.addAttribute("policy", policies.get(id));
        page.addAttribute("plans", organizations.plans());
        page.addAttribute("calendars", calendars.list());
        page.addAttribute("priorities", List.of(Priority.CRITICAL, Priority.HIGH, Priority.NORMAL, Priority.LOW));
        page.addAttribute("targets", SlaTarget.values());
        page.addAttribute("reasons", PendingReason.values());
        return "sla/policy";
    }

    /** Targets arrive as {@code amount.HIGH.FIRST_RESPONSE}, {@code unit.…}, {@code calendar.…}; an empty amount means no target. */
    @PostMapping("/admin/sla/policies/{id}")
    String updatePolicy(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(required = false) Long planId,
            @RequestParam long calendarId,
            @RequestParam(required = false) List<PendingReason> pauseReasons,
            @RequestParam(defaultValue = "80") int atRiskPercent,
            @RequestParam MultiValueMap<String, String> fields,
            RedirectAttributes flash) {
        var targets = new ArrayList<PolicyTarget>();
        for (Priority priority : Priority.values()) {
            for (SlaTarget target : SlaTarget.values()) {
                String key = priority + "." + target;
                String amount = fields.getFirst("amount." + key);
                if (amount == null || amount.isBlank()) continue;
                int value;
                try {
                    value = Integer.parseInt(amount.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException(
                            "targets", target.label() + " for " + priority + " must be a whole number");
                }
                if (value < 1)
                    throw new InvalidRequestException(
                            "targets", target.label() + " for " + priority + " must be at least 1");
                String calendar = fields.getFirst("calendar." + key);
                targets.add(new PolicyTarget(
                        priority,
                        target,
                        value,
                        TargetUnit.valueOf(Objects.requireNonNull(
                                fields.getFirst("unit." + key), "the form sends a unit with every amount")),
                        calendar == null || calendar.isBlank() ? null : Long.valueOf(calendar)));
            }
        }
        if (atRiskPercent < 1 || atRiskPercent > 99)
            throw new InvalidRequestException("atRiskPercent", "must be 1 to 99");
        policies.update(
                id,
                new PolicyForm(
                        name,
                        planId,
                        calendarId,
                        pauseReasons == null ? List.of() : pauseReasons,
                        atRiskPercent,
                        targets));
        flash.addFlashAttribute("notice", "Policy saved; open tickets' due times are being worked out again.");
        return "redirect:/admin/sla/policies/" + id;
    }

    @PostMapping("/admin/sla/policies/{id}/delete")
    String deletePolicy(@PathVariable long id, RedirectAttributes flash) {
        policies.delete(id);
        flash.addFlashAttribute("notice", "Policy deleted.");
        return "redirect:/admin/sla";
    }
}
