package org.firstline.triage.web;

import org.firstline.directory.TeamService;
import org.firstline.triage.WorkQueue;
import org.firstline.triage.WorkQueueSettings;
import org.firstline.triage.WorkRule;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The work queue page, a hundred tickets a page, and (admins, under /admin) its budget-share setting. */
@Controller
class WorkQueuePagesController {
    static final int PAGE_SIZE = 100;

    private final WorkQueue workQueue;
    private final WorkQueueSettings settings;
    private final TeamService teams;

    WorkQueuePagesController(WorkQueue workQueue, WorkQueueSettings settings, TeamService teams) {
        this.workQueue = workQueue;
        this.settings = settings;
        this.teams = teams;
    }

    @GetMapping("/triage/work")
    String work(@RequestParam(required = false) Long teamId, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, Math.min(page, 100_000));
        var queue = workQueue.page(teamId, PAGE_SIZE, (current - 1) * PAGE_SIZE);
        model.addAttribute("section", "queues");
        model.addAttribute("queue", queue);
        model.addAttribute("items", queue.items());
        model.addAttribute("page", current);
        model.addAttribute("rules", WorkRule.values());
        model.addAttribute("teams", teams.list());
        model.addAttribute("teamId", teamId);
        return "triage/work";
    }

    @PostMapping("/admin/work-queue/settings")
    String update(@RequestParam(required = false) Integer budgetSharePercent, RedirectAttributes flash) {
        int share = settings.setBudgetSharePercent(budgetSharePercent);
        flash.addFlashAttribute(
                "notice", "Rule 5 now takes organizations that have used under " + share + " % of their budget.");
        return "redirect:/triage/work";
    }
}
