package org.firstline.oncall.web;

import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.EscalationPolicyForm;
import org.firstline.oncall.EscalationTarget;
import org.firstline.oncall.TargetKind;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.Rotations;
import org.firstline.sla.CalendarService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins write escalation policies: up to five steps on the page (the API takes twenty), each with its targets. */
@Controller
class EscalationPolicyAdminController {
    static final int STEPS_ON_PAGE = 5;

    private final EscalationPolicies policies;
    private final AgentService agents;
    private final TeamService teams;
    private final Rotations rotations;
    private final CalendarService calendars;

    EscalationPolicyAdminController(
            EscalationPolicies policies,
            AgentService agents,
            TeamService teams,
            Rotations rotations,
            CalendarService calendars) {
        this.policies = policies;
        this.agents = agents;
        this.teams = teams;
        this.rotations = rotations;
        this.calendars = calendars;
    }

    /** A target as a select option: "AGENT:7", with the words a person reads. */
    record Option(String value, String label) {}

    @GetMapping("/admin/escalation-policies")
    String list(Model model) {
        model.addAttribute("tab", "escalation-policies");
        model.addAttribute("policies", policies.list());
        model.addAttribute("teams", teams.list());
        model.addAttribute("calendars", calendars.list());
        model.addAttribute("steps", STEPS_ON_PAGE);
        var options = new ArrayList<Option>();
        rotations.list().forEach(r -> options.add(new Option("ROTA:" + r.id(), "whoever is on " + r.name())));
        agents.list().stream()
                .filter(a -> a.active())
                .forEach(a -> options.add(new Option("AGENT:" + a.id(), a.displayName())));
        teams.list()
                .forEach(t -> options.add(new Option("TEAM_CHANNEL:" + t.id(), "the Slack channel of " + t.name())));
        model.addAttribute("targetOptions", options);
        // what the written steps page, in words: deactivated people and deleted rotas included
        var names = new java.util.HashMap<String, String>();
        rotations.list().forEach(r -> names.put("ROTA:" + r.id(), "whoever is on " + r.name()));
        agents.list()
                .forEach(a -> names.put("AGENT:" + a.id(), a.displayName() + (a.active() ? "" : " (deactivated)")));
        teams.list().forEach(t -> names.put("TEAM_CHANNEL:" + t.id(), "the Slack channel of " + t.name()));
        model.addAttribute("targetNames", names);
        return "oncall/policies";
    }

    @PostMapping("/admin/escalation-policies")
    String create(
            @RequestParam String name,
            @RequestParam(required = false) @Nullable Long teamId,
            @RequestParam(required = false) @Nullable Long calendarId,
            @RequestParam(defaultValue = "0") int repeatCount,
            @RequestParam MultiValueMap<String, String> fields,
            RedirectAttributes flash) {
        var steps = new ArrayList<EscalationPolicyForm.StepForm>();
        for (int i = 0; i < STEPS_ON_PAGE; i++) {
            List<String> chosen = fields.getOrDefault("step" + i + "Targets", List.of());
            if (chosen.isEmpty()) continue;
            var targets = new ArrayList<EscalationTarget>();
            for (String value : chosen) targets.add(target("steps[" + steps.size() + "].targets", value));
            steps.add(new EscalationPolicyForm.StepForm(delay(fields.getFirst("step" + i + "Delay")), targets));
        }
        var created = policies.create(new EscalationPolicyForm(name, "", teamId, calendarId, repeatCount, steps));
        flash.addFlashAttribute(
                "notice",
                "Policy " + created.name() + " saved with " + created.steps().size() + " steps.");
        return "redirect:/admin/escalation-policies";
    }

    @PostMapping("/admin/escalation-policies/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        policies.delete(id);
        flash.addFlashAttribute("notice", "Policy deleted.");
        return "redirect:/admin/escalation-policies";
    }

    private static @Nullable Integer delay(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("delayMinutes", "must be a whole number of minutes");
        }
    }

    private static EscalationTarget target(String field, String value) {
        int colon = value.indexOf(':');
        try {
            var kind = TargetKind.valueOf(value.substring(0, Math.max(0, colon)));
            long id = Long.parseLong(value.substring(colon + 1));
            return switch (kind) {
                case ROTA -> EscalationTarget.rota(id);
                case AGENT -> EscalationTarget.agent(id);
                case TEAM_CHANNEL -> EscalationTarget.channel(id);
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "is not a target");
        }
    }
}
