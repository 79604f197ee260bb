package org.firstline.triage.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.directory.TeamView;
import org.firstline.platform.AgentPrincipal;
import org.firstline.triage.TeamQueues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Team queues for stand-ups. */
@Controller
class QueuePagesController {
    private final TeamQueues queues;
    private final TeamService teams;
    private final AgentService agents;

    QueuePagesController(TeamQueues queues, TeamService teams, AgentService agents) {
        this.queues = queues;
        this.teams = teams;
        this.agents = agents;
    }

    /** Every team with what waits in its queue; the agent's own teams first. */
    @GetMapping("/triage/teams")
    String teams(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        var mine = agents.get(agent.id()).teamIds();
        Map<TeamView, org.firstline.triage.TeamQueue> all = new LinkedHashMap<>();
        teams.list().stream()
                .sorted((a, b) -> Boolean.compare(mine.contains(b.id()), mine.contains(a.id())))
                .forEach(t -> all.put(t, queues.queue(t.id())));
        model.addAttribute("section", "queues");
        model.addAttribute("queues", all.values());
        model.addAttribute("mine", mine);
        return "triage/teams";
    }

    @GetMapping("/triage/teams/{id}")
    String queue(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        var team = teams.get(id);
        model.addAttribute("section", "queues");
        model.addAttribute("queue", queues.queue(id));
        model.addAttribute("member", team.memberIds().contains(agent.id()));
        model.addAttribute(
                "members",
                agents.list().stream()
                        .filter(a -> team.memberIds().contains(a.id()))
                        .toList());
        return "triage/queue";
    }

    @PostMapping("/triage/teams/{id}/standup")
    String standup(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        queues.standupHeld(id, agent);
        flash.addFlashAttribute("notice", "Stand-up recorded: tickets from now on are new at the next one.");
        return "redirect:/triage/teams/" + id;
    }

    @PostMapping("/triage/queue-tickets/{ticketId}/take")
    String take(
            @PathVariable long ticketId,
            @RequestParam(required = false) Long teamId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var ticket = queues.take(ticketId, agent);
        flash.addFlashAttribute("notice", "#" + ticket.number() + " is yours.");
        return teamId == null ? "redirect:/tickets/" + ticket.number() : "redirect:/triage/teams/" + teamId;
    }
}
