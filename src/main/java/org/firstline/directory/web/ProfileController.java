package org.firstline.directory.web;

import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in agent's own settings: name, time zone, signature, password. */
@Controller
class ProfileController {
    private final AgentService agents;
    private final PasswordEncoder passwords;

    ProfileController(AgentService agents, PasswordEncoder passwords) {
        this.agents = agents;
        this.passwords = passwords;
    }

    @GetMapping("/me")
    String show(@AuthenticationPrincipal AgentPrincipal me, Model model) {
        model.addAttribute("agent", agents.get(me.id()));
        model.addAttribute("zones", java.time.ZoneId.getAvailableZoneIds().stream().sorted().toList());
        return "directory/profile";
    }

    @PostMapping("/me")
    String update(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String displayName, @RequestParam String timeZone,
            @RequestParam(defaultValue = "") String signature, RedirectAttributes flash, HttpServletRequest request,
            HttpServletResponse response) {
        agents.update(me.id(), new AgentForm(null, displayName, null, null, timeZone, signature, null, null, null, null));
        refreshSession(agents.principal(me.id()).orElseThrow(), request, response);
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/me";
    }

    /** The session keeps the agent as signed in; put the new name and time zone into it. */
    private static void refreshSession(AgentPrincipal agent, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    @PostMapping("/me/password")
    String password(@AuthenticationPrincipal AgentPrincipal me, @RequestParam String currentPassword, @RequestParam String newPassword,
            RedirectAttributes flash) {
        var principal = agents.principal(me.id()).orElseThrow();
        if (!passwords.matches(currentPassword, principal.passwordHash())) {
            throw new InvalidRequestException("currentPassword", "is not your current password");
        }
        agents.changePassword(me.id(), newPassword);
        flash.addFlashAttribute("notice", "Password changed.");
        return "redirect:/me";
    }
}
