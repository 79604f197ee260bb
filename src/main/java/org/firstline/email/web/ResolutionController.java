package org.firstline.email.web;

import org.firstline.email.internal.ResolutionRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links in resolution mail, for requesters who have no account. Opening one only shows the question; the answer
 * is a POST from its page (with the page's CSRF token), because mail scanners open links on their own.
 */
@Controller
class ResolutionController {
    private final ResolutionRequests requests;

    ResolutionController(ResolutionRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/resolutions/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String answer, Model model) {
        var pending = requests.byToken(token);
        if (pending.isEmpty()) {
            model.addAttribute("missing", true);
            return "email/resolution";
        }
        model.addAttribute("request", pending.get());
        model.addAttribute("token", token);
        model.addAttribute("suggested", "not-fixed".equals(answer) ? "not-fixed" : "confirm");
        return "email/resolution";
    }

    @PostMapping("/resolutions/{token}")
    String decide(@PathVariable String token, @RequestParam String answer, Model model) {
        var pending = requests.byToken(token);
        if (pending.isEmpty()) {
            model.addAttribute("missing", true);
            return "email/resolution";
        }
        if (!"not-fixed".equals(answer) && !"confirm".equals(answer)) {
            // only the page's own two buttons decide: a closed ticket cannot be opened again, so no guessing
            model.addAttribute("request", pending.get());
            model.addAttribute("token", token);
            model.addAttribute("suggested", "confirm");
            model.addAttribute("invalidAnswer", true);
            return "email/resolution";
        }
        var decision = "not-fixed".equals(answer)
                ? ResolutionRequests.Decision.NOT_FIXED
                : ResolutionRequests.Decision.CONFIRMED;
        boolean settled = pending.get().valid() && requests.decide(pending.get().id(), decision);
        model.addAttribute("request", requests.byToken(token).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("done", settled ? decision : null);
        return "email/resolution";
    }
}
