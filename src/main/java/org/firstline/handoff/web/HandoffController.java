package org.firstline.handoff.web;

import org.firstline.handoff.HandoffNotes;
import org.firstline.platform.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Handoffs on the desk. */
@Controller
class HandoffController {
    private final HandoffNotes handoffs;

    HandoffController(HandoffNotes handoffs) {
        this.handoffs = handoffs;
    }

    @GetMapping("/handoffs")
    String list(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        model.addAttribute("section", "rotas");
        model.addAttribute("mine", handoffs.recent(agent.id(), 50));
        return "handoff/list";
    }

    @GetMapping("/handoffs/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("section", "rotas");
        model.addAttribute("handoff", handoffs.get(id));
        return "handoff/page";
    }

    /** Loaded into every desk page: the handoff the signed-in person has not read yet. */
    @GetMapping("/handoffs/banner")
    String banner(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        model.addAttribute("unread", handoffs.unreadFor(agent.id()).orElse(null));
        return "handoff/page :: banner";
    }

    @PostMapping("/handoffs/{id}")
    String edit(
            @PathVariable long id,
            @RequestParam String body,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        handoffs.edit(id, body, agent);
        flash.addFlashAttribute("notice", "Handoff saved.");
        return "redirect:/handoffs/" + id;
    }

    @PostMapping("/handoffs/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        handoffs.read(id, agent);
        flash.addFlashAttribute("notice", "Marked read.");
        return "redirect:/handoffs/" + id;
    }
}
