package org.firstline.directory.web;

import java.util.List;
import java.util.Locale;
import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.directory.ApiTokenService;
import org.firstline.directory.TeamForm;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentRole;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for agents, teams and API tokens. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminPagesController {
    private final AgentService agents;
    private final TeamService teams;
    private final ApiTokenService tokens;

    AdminPagesController(AgentService agents, TeamService teams, ApiTokenService tokens) {
        this.agents = agents;
        this.teams = teams;
        this.tokens = tokens;
    }

    /** The admin pages have no page of their own: their first tab. */
    @GetMapping({"/admin", "/admin/"})
    String admin() {
        return "redirect:/admin/agents";
    }

    @GetMapping("/admin/agents")
    String agents(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "agents");
        model.addAttribute("agents", agents.list());
        model.addAttribute("teams", teams.list());
        model.addAttribute("roles", AgentRole.values());
        return "admin/agents";
    }

    @PostMapping("/admin/agents")
    String createAgent(
            @RequestParam String username,
            @RequestParam String displayName,
            @RequestParam String email,
            @RequestParam AgentRole role,
            @RequestParam(defaultValue = "UTC") String timeZone,
            @RequestParam String password,
            @RequestParam(defaultValue = "") String skills,
            RedirectAttributes flash) {
        var agent = agents.create(new AgentForm(
                username.strip().toLowerCase(Locale.ROOT),
                displayName,
                email,
                role,
                timeZone,
                "",
                null,
                password,
                true,
                OrganizationPagesController.split(skills)));
        flash.addFlashAttribute("notice", agent.displayName() + " can now sign in as " + agent.username() + ".");
        return "redirect:/admin/agents";
    }

    @PostMapping("/admin/agents/{id}")
    String updateAgent(
            @PathVariable long id,
            @RequestParam AgentRole role,
            @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam(defaultValue = "") String newPassword,
            RedirectAttributes flash) {
        agents.update(
                id,
                new AgentForm(
                        null,
                        null,
                        null,
                        role,
                        null,
                        null,
                        null,
                        newPassword.isBlank() ? null : newPassword,
                        active,
                        OrganizationPagesController.split(skills)));
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/admin/agents";
    }

    @GetMapping("/admin/teams")
    String teams(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "teams");
        model.addAttribute("teams", teams.list());
        model.addAttribute("agents", agents.list());
        return "admin/teams";
    }

    @PostMapping("/admin/teams")
    String createTeam(
            @RequestParam String name, @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        teams.create(new TeamForm(name, description, List.of()));
        flash.addFlashAttribute("notice", "Team added.");
        return "redirect:/admin/teams";
    }

    @PostMapping("/admin/teams/{id}")
    String updateTeam(
            @PathVariable long id,
            @RequestParam(name = "memberIds", required = false) List<Long> memberIds,
            RedirectAttributes flash) {
        teams.update(id, new TeamForm(null, null, memberIds == null ? List.of() : memberIds));
        flash.addFlashAttribute("notice", "Members saved.");
        return "redirect:/admin/teams";
    }

    @GetMapping("/admin/tokens")
    String tokens(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "tokens");
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("agents", agents.list());
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String createToken(@RequestParam String name, @RequestParam long agentId, RedirectAttributes flash) {
        var created = tokens.create(name, agentId);
        flash.addFlashAttribute("secret", created.secret());
        flash.addFlashAttribute("notice", "Token created. Copy it now: it is not shown again.");
        return "redirect:/admin/tokens";
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(id);
        flash.addFlashAttribute("notice", "Token revoked.");
        return "redirect:/admin/tokens";
    }
}
