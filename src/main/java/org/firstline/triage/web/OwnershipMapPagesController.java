package org.firstline.triage.web;

import java.util.List;
import java.util.Locale;
import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.triage.OwnershipMap;
import org.firstline.triage.OwnershipRuleForm;
import org.firstline.triage.RuleKind;
import org.firstline.triage.TeamQueues;
import org.firstline.triage.TriageLearning;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Ownership map: teams' support areas, the classifier's accuracy, and who is on first line per team. */
@Controller
class OwnershipMapPagesController {
    private final OwnershipMap ownershipMap;
    private final TeamService teams;
    private final AgentService agents;
    private final TriageLearning learning;
    private final TeamQueues queues;

    OwnershipMapPagesController(
            OwnershipMap ownershipMap,
            TeamService teams,
            AgentService agents,
            TriageLearning learning,
            TeamQueues queues) {
        this.ownershipMap = ownershipMap;
        this.teams = teams;
        this.agents = agents;
        this.learning = learning;
        this.queues = queues;
    }

    @GetMapping("/admin/ownership")
    String page(Model page) {
        var allTeams = teams.list();
        page.addAttribute("section", "admin");
        page.addAttribute("tab", "ownership");
        page.addAttribute("teams", allTeams);
        page.addAttribute("rules", ownershipMap.list());
        page.addAttribute("kinds", RuleKind.values());
        page.addAttribute("report", learning.trained() ? learning.report() : null);
        page.addAttribute("agents", agents.list());
        var onDuty = new java.util.HashMap<Long, Long>();
        var onRota = new java.util.HashMap<Long, List<String>>();
        for (var t : allTeams) {
            if (queues.rotaDecides(t.id())) {
                onRota.put(
                        t.id(),
                        queues.onDutyAll(t.id()).stream()
                                .map(a -> agents.get(a).displayName())
                                .toList());
            } else {
                queues.onDuty(t.id()).ifPresent(a -> onDuty.put(t.id(), a));
            }
        }
        page.addAttribute("onDuty", onDuty);
        page.addAttribute("onRota", onRota);
        return "triage/ownership";
    }

    @PostMapping("/admin/ownership/rules")
    String add(
            @RequestParam long teamId,
            @RequestParam RuleKind kind,
            @RequestParam String term,
            @RequestParam(defaultValue = "1") int weight,
            RedirectAttributes flash) {
        if (weight < 1 || weight > 100) {
            throw new org.firstline.platform.InvalidRequestException("weight", "must be 1 to 100");
        }
        var rule = ownershipMap.add(new OwnershipRuleForm(teamId, kind, term, weight));
        flash.addFlashAttribute(
                "notice", "Added " + rule.kind().name().toLowerCase(Locale.ROOT) + " '" + rule.term() + "'.");
        return "redirect:/admin/ownership";
    }

    @PostMapping("/admin/ownership/rules/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        ownershipMap.delete(id);
        flash.addFlashAttribute("notice", "Rule removed.");
        return "redirect:/admin/ownership";
    }

    @PostMapping("/admin/ownership/train")
    String train(RedirectAttributes flash) {
        var report = learning.retrain();
        flash.addFlashAttribute(
                "notice",
                report.modelAccuracy() == null
                        ? "Too little history to learn from: " + report.examples() + " tickets with a team."
                        : "Trained on " + report.examples() + " tickets in " + report.durationMs() + " ms; in use: "
                                + report.modelLabel() + ".");
        return "redirect:/admin/ownership";
    }

    @PostMapping("/admin/ownership/teams/{teamId}/on-duty")
    String onDuty(@PathVariable long teamId, @RequestParam(required = false) Long agentId, RedirectAttributes flash) {
        queues.setOnDuty(teamId, agentId);
        flash.addFlashAttribute("notice", "First line updated.");
        return "redirect:/admin/ownership";
    }
}
