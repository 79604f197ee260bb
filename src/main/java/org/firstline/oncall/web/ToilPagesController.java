package org.firstline.oncall.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentService;
import org.firstline.oncall.TimeOffInLieu;
import org.firstline.oncall.ToilClaimForm;
import org.firstline.oncall.WokenHelp;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.AgentRole;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Time off in lieu on the desk: one's own episodes to confirm, and the claims one's people wait on. */
@Controller
class ToilPagesController {
    static final Duration SHOWN = Duration.ofDays(62);

    private final TimeOffInLieu toil;
    private final WokenHelp woken;
    private final AgentService agents;
    private final AgentResponsibilities responsibilities;
    private final Clock clock;

    ToilPagesController(
            TimeOffInLieu toil,
            WokenHelp woken,
            AgentService agents,
            AgentResponsibilities responsibilities,
            Clock clock) {
        this.toil = toil;
        this.woken = woken;
        this.agents = agents;
        this.responsibilities = responsibilities;
        this.clock = clock;
    }

    @GetMapping("/oncall/toil")
    String page(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        Instant now = clock.instant();
        model.addAttribute("section", "oncall");
        model.addAttribute("episodes", toil.episodes(agent.id(), now.minus(SHOWN), now.plusSeconds(1)));
        var waiting =
                toil.claims(Optional.empty(), now.minus(SHOWN), now.plusSeconds(1), Optional.of("CONFIRMED")).stream()
                        .filter(c -> c.agentId() != agent.id())
                        .filter(c -> agent.role() == AgentRole.ADMIN
                                || Long.valueOf(agent.id())
                                        .equals(responsibilities.of(c.agentId()).deliveryLeadId()))
                        .toList();
        model.addAttribute("toDecide", waiting);
        model.addAttribute("me", agents.get(agent.id()));
        return "oncall/toil";
    }

    @GetMapping("/oncall/toil/export")
    org.springframework.http.ResponseEntity<String> export(@AuthenticationPrincipal AgentPrincipal agent) {
        Instant now = clock.instant();
        String csv = org.firstline.oncall.ToilExports.csv(
                toil.claimsFor(agent, Optional.empty(), now.minus(SHOWN), now.plusSeconds(1), Optional.empty()));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(
                        new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"time-off-in-lieu.csv\"")
                .body(csv);
    }

    @PostMapping("/oncall/toil/claims")
    String confirm(
            @RequestParam String episodeStart,
            @RequestParam(defaultValue = "false") boolean woke,
            @RequestParam(defaultValue = "0") int minutesWorked,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var claim = toil.confirm(agent.id(), new ToilClaimForm(episodeStart, woke, minutesWorked), agent);
        flash.addFlashAttribute(
                "notice",
                "Claimed " + claim.days().stripTrailingZeros().toPlainString() + " day; your delivery lead decides.");
        return "redirect:/oncall/toil";
    }

    @PostMapping("/oncall/toil/claims/{id}/{decision:approve|reject}")
    String decide(
            @PathVariable long id,
            @PathVariable String decision,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var claim = toil.decide(id, decision.equals("approve"), agent);
        flash.addFlashAttribute(
                "notice", claim.agentName() + "'s claim " + claim.status().toLowerCase() + ".");
        return "redirect:/oncall/toil";
    }

    @PostMapping("/oncall/toil/claims/{id}/{help:tell-lead|ask-cover}")
    String help(
            @PathVariable long id,
            @PathVariable String help,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var told = help.equals("tell-lead") ? woken.tellLead(id, agent) : woken.askCover(id, agent);
        flash.addFlashAttribute("notice", "Told " + String.join(", ", told) + " by mail.");
        return "redirect:/oncall/toil";
    }
}
