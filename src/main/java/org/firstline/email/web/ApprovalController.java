package org.firstline.email.web;

import org.firstline.email.internal.Approvals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links in approval requests. Opening one only shows the request and asks; the decision is a POST, because mail
 * scanners open links on their own.
 */
@Controller
class ApprovalController {
    private final Approvals approvals;

    ApprovalController(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/approvals/{token}")
    String show(@PathVariable String token, @RequestParam(required = false) String decision, Model model) {
        var pending = approvals.byToken(token);
        if (pending.isEmpty()) {
            model.addAttribute("missing", true);
            return "email/approval";
        }
        model.addAttribute("approval", pending.get());
        model.addAttribute("token", token);
        model.addAttribute("suggested", "reject".equals(decision) ? "reject" : "approve");
        return "email/approval";
    }

    @PostMapping("/approvals/{token}")
    String decide(@PathVariable String token, @RequestParam String decision, Model model) {
        var pending = approvals.byToken(token);
        if (pending.isEmpty()) {
            model.addAttribute("missing", true);
            return "email/approval";
        }
        var choice = "reject".equals(decision) ? Approvals.Decision.REJECTED : Approvals.Decision.APPROVED;
        boolean settled = approvals.decide(pending.get().id(), choice);
        model.addAttribute("approval", approvals.byToken(token).orElseThrow());
        model.addAttribute("token", token);
        model.addAttribute("done", settled ? choice : null);
        model.addAttribute("alreadySettled", !settled);
        return "email/approval";
    }
}
