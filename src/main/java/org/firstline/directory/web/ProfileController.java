package org.firstline.directory.web;

import org.firstline.directory.AgentForm;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
        model.addAttribute(
                "zones",
                java.time.ZoneId.getAvailableZoneIds().stream().sorted().toList());
        return "directory/profile";
    }

    @PostMapping("/me")
    String update(
            @AuthenticationPrincipal AgentPrincipal me,
            @RequestParam String displayName,
            @RequestParam String timeZone,
            @RequestParam(defaultValue = "") String signature,
            RedirectAttributes flash) {
        agents.update(
                me.id(), new AgentForm(null, displayName, null, null, timeZone, signature, null, null, null, null));
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/me";
    }

    @PostMapping("/me/password")
    String password(
            @AuthenticationPrincipal AgentPrincipal me,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            RedirectAttributes flash,
            jakarta.servlet.http.HttpSession session) {
        var principal = agents.principal(me.id()).orElseThrow();
        if (!passwords.matches(currentPassword, principal.passwordHash())) {
            throw new InvalidRequestException("currentPassword", "is not your current password");
        }
        agents.changePassword(me.id(), newPassword, session.getId());
        flash.addFlashAttribute("notice", "Password changed. You were signed out everywhere else.");
        return "redirect:/me";
    }
}
