package org.firstline.oncall.web;

import org.firstline.oncall.Escalations;
import org.firstline.platform.NotFoundException;
import org.firstline.platform.RefusalMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link in a page: no sign-in, the link is the credential for that one escalation. Opening it changes nothing (mail
 * scanners open links); the buttons acknowledge or resolve, in the name of the person paged.
 */
@Controller
class PageLinkController {
    private final Escalations escalations;

    PageLinkController(Escalations escalations) {
        this.escalations = escalations;
    }

    @GetMapping("/pages/{token}")
    String show(@PathVariable String token, Model model) {
        var link = escalations.byLink(token).orElseThrow(() -> new NotFoundException("This link is not valid."));
        model.addAttribute("escalation", escalations.get(link.escalationId()));
        model.addAttribute("token", token);
        return "oncall/link";
    }

    @PostMapping("/pages/{token}/acknowledge")
    String acknowledge(@PathVariable String token, RedirectAttributes flash) {
        var link = escalations.byLink(token).orElseThrow(() -> new NotFoundException("This link is not valid."));
        try {
            escalations.acknowledge(link.escalationId(), link.agentId());
            flash.addFlashAttribute("notice", "Acknowledged: nobody else will be paged for it.");
        } catch (org.firstline.platform.ConflictException e) {
            flash.addFlashAttribute("error", RefusalMessages.of(e));
        }
        return "redirect:/pages/" + token;
    }

    @PostMapping("/pages/{token}/resolve")
    String resolve(@PathVariable String token, RedirectAttributes flash) {
        var link = escalations.byLink(token).orElseThrow(() -> new NotFoundException("This link is not valid."));
        escalations.resolve(link.escalationId(), link.agentId());
        flash.addFlashAttribute("notice", "Resolved.");
        return "redirect:/pages/" + token;
    }
}
