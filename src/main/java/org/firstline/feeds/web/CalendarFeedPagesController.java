package org.firstline.feeds.web;

import org.firstline.feeds.CalendarFeedForm;
import org.firstline.feeds.CalendarFeeds;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.RefusalMessages;
import org.firstline.rota.Rotations;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Subscribing from the web: your own shifts, or (admins) a rota's; the address is shown once, on the next page. */
@Controller
class CalendarFeedPagesController {
    private final CalendarFeeds feeds;
    private final Rotations rotations;

    CalendarFeedPagesController(CalendarFeeds feeds, Rotations rotations) {
        this.feeds = feeds;
        this.rotations = rotations;
    }

    @GetMapping("/calendar-feeds")
    String list(@AuthenticationPrincipal AgentPrincipal who, Model model) {
        model.addAttribute("section", "oncall");
        model.addAttribute("feeds", feeds.list(who));
        model.addAttribute("rotas", who.isAdmin() ? rotations.list() : java.util.List.of());
        return "feeds/list";
    }

    @PostMapping("/calendar-feeds")
    String subscribe(
            @AuthenticationPrincipal AgentPrincipal who,
            @RequestParam(required = false) @Nullable Long rotationId,
            Model model) {
        try {
            model.addAttribute("created", feeds.create(who, new CalendarFeedForm(rotationId, null)));
        } catch (RuntimeException refused) {
            model.addAttribute("error", RefusalMessages.of(refused));
        }
        return list(who, model);
    }

    @PostMapping("/calendar-feeds/{id}/revoke")
    String revoke(@AuthenticationPrincipal AgentPrincipal who, @PathVariable long id) {
        feeds.revoke(who, id);
        return "redirect:/calendar-feeds";
    }
}
