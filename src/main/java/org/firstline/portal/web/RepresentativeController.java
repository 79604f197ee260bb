package org.firstline.portal.web;

import org.firstline.platform.InvalidRequestException;
import org.firstline.portal.internal.Customer;
import org.firstline.portal.internal.CustomerApprovals;
import org.firstline.portal.internal.OrganizationFigures;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A representative's pages: requests held for their approval, and their organization's figures. */
@Controller
class RepresentativeController {
    private final CustomerApprovals approvals;
    private final OrganizationFigures figures;

    RepresentativeController(CustomerApprovals approvals, OrganizationFigures figures) {
        this.approvals = approvals;
        this.figures = figures;
    }

    @GetMapping("/portal/approvals")
    String approvals(
            @AuthenticationPrincipal Customer customer,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        model.addAttribute("held", approvals.waiting(customer));
        model.addAttribute(
                "done",
                done == null
                        ? null
                        : switch (done) {
                            case "approved" -> "Approved: the request goes to our support team.";
                            case "rejected" -> "Rejected: the requester has been told.";
                            case "settled" -> "Nothing was changed: another representative decided first.";
                            default -> null;
                        });
        return "portal/approvals";
    }

    @PostMapping("/portal/approvals/{number}")
    String decide(
            @AuthenticationPrincipal Customer customer,
            @PathVariable long number,
            @RequestParam(required = false) @Nullable String decision) {
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidRequestException("decision", "choose approve or reject");
        }
        boolean approve = "approve".equals(decision);
        boolean counted = approvals.decide(customer, number, approve);
        return "redirect:/portal/approvals?done=" + (!counted ? "settled" : approve ? "approved" : "rejected");
    }

    @GetMapping("/portal/organizations/{id}")
    String organization(@AuthenticationPrincipal Customer customer, @PathVariable long id, Model model) {
        model.addAttribute("figures", figures.of(customer, id));
        return "portal/organization";
    }
}
