package org.firstline.statuspage.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.firstline.statuspage.internal.PublicPages;
import org.firstline.statuspage.internal.SubscribeGuard;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public status page: no sign-in, no session, answered from the board in memory. */
@Controller
class StatusPageController {
    private final PublicPages pages;
    private final SubscribeGuard guard;

    StatusPageController(PublicPages pages, SubscribeGuard guard) {
        this.pages = pages;
        this.guard = guard;
    }

    @GetMapping({"/status", "/status/"})
    String page(Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Cache-Control", StatusFeedController.CACHE.getHeaderValue());
        model.addAttribute("page", pages.current());
        model.addAttribute("formToken", guard.newToken(request));
        return "statuspage/status";
    }
}
