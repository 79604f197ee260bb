package org.firstline.sla.web;

import java.time.Duration;
import java.time.YearMonth;
import org.firstline.sla.ClockState;
import org.firstline.sla.SlaTarget;
import org.firstline.sla.SlaViews;
import org.firstline.sla.TicketSlas;
import org.firstline.ticket.TicketService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The service-level lists triagers watch, compliance figures, and the clocks panel on a ticket page. */
@Controller
class SlaPagesController {
    private final SlaViews views;
    private final TicketSlas slas;
    private final TicketService tickets;
    private final java.time.Clock clock;

    SlaPagesController(SlaViews views, TicketSlas slas, TicketService tickets, java.time.Clock clock) {
        this.views = views;
        this.slas = slas;
        this.tickets = tickets;
        this.clock = clock;
    }

    @GetMapping("/sla")
    String lists(
            @RequestParam(defaultValue = "breached") String view,
            @RequestParam(defaultValue = "DUE") SlaViews.Sort sort,
            @RequestParam(defaultValue = "24") long hours,
            @RequestParam(defaultValue = "0") long within,
            Model page) {
        page.addAttribute("section", "sla");
        page.addAttribute("view", view);
        page.addAttribute("sort", sort);
        page.addAttribute("hours", Math.max(0, hours));
        page.addAttribute("within", Math.max(0, within));
        page.addAttribute(
                "rows",
                switch (view) {
                    case "at-risk" -> views.atRisk(Duration.ofMinutes(Math.max(0, within)), sort, 200);
                    case "stale" -> views.stale(Duration.ofHours(Math.max(0, hours)), sort, 200);
                    default -> views.breached(sort, 200);
                });
        page.addAttribute("now", clock.instant());
        return "sla/lists";
    }

    @GetMapping("/sla/compliance")
    String compliance(
            @RequestParam(defaultValue = "ORGANIZATION") SlaViews.GroupBy groupBy,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model page) {
        YearMonth now = YearMonth.from(clock.instant().atZone(java.time.ZoneOffset.UTC));
        YearMonth start = month(from, now.minusMonths(2), page);
        YearMonth end = month(to, now, page);
        if (end.isBefore(start)) {
            page.addAttribute("error", "The period ends before it starts; showing " + start + " alone.");
            end = start;
        }
        page.addAttribute("section", "sla");
        page.addAttribute("view", "compliance");
        page.addAttribute("groupBy", groupBy);
        page.addAttribute("groupings", SlaViews.GroupBy.values());
        page.addAttribute("from", start);
        page.addAttribute("to", end);
        page.addAttribute("rows", views.compliance(groupBy, start, end));
        return "sla/compliance";
    }

    /** A month from the form, or the default with a message saying why. */
    private static YearMonth month(String text, YearMonth fallback, Model page) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            page.addAttribute("error", "\"" + text + "\" is not a month like 2026-11; showing " + fallback + ".");
            return fallback;
        }
    }

    @GetMapping("/sla/tickets/{id}/panel")
    String panel(@PathVariable long id, Model page) {
        tickets.get(id);
        page.addAttribute("sla", slas.forTicket(id));
        page.addAttribute("targets", SlaTarget.values());
        page.addAttribute("late", java.util.Set.of(ClockState.BREACHED, ClockState.MET_LATE));
        return "sla/panel :: panel";
    }
}
