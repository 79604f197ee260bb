package org.firstline.oncall.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.AlertFilter;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertStatus;
import org.firstline.oncall.AlertTickets;
import org.firstline.oncall.AlertView;
import org.firstline.oncall.Alerts;
import org.firstline.platform.AgentPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * First line's alert inbox: open alerts newest first (or the suppressed or resolved ones), each with its runbook and
 * one action to make a ticket of it, and the noisiest keys of the week.
 */
@Controller
class AlertPagesController {
    private final Alerts alerts;
    private final AlertTickets tickets;
    private final AlertRunbooks runbooks;

    AlertPagesController(Alerts alerts, AlertTickets tickets, AlertRunbooks runbooks) {
        this.alerts = alerts;
        this.tickets = tickets;
        this.runbooks = runbooks;
    }

    @GetMapping("/alerts")
    String inbox(
            @RequestParam(defaultValue = "open") String show,
            @RequestParam(required = false) @Nullable AlertSeverity severity,
            Model model) {
        AlertFilter filter = switch (show) {
            case "suppressed" -> new AlertFilter(AlertStatus.FIRING, null, severity, true, 200);
            case "resolved" -> new AlertFilter(AlertStatus.RESOLVED, null, severity, null, 200);
            default -> new AlertFilter(AlertStatus.FIRING, null, severity, false, 200);
        };
        List<AlertView> list = alerts.list(filter);
        model.addAttribute("section", "alerts");
        model.addAttribute(
                "show",
                Boolean.TRUE.equals(filter.suppressed())
                        ? "suppressed"
                        : show.equals("resolved") ? "resolved" : "open");
        model.addAttribute("severity", severity);
        model.addAttribute("severities", AlertSeverity.values());
        model.addAttribute("alerts", list);
        model.addAttribute("runbookTitles", titles(list));
        model.addAttribute("noisy", alerts.noisy(10));
        return "oncall/alerts";
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable long id, Model model) {
        AlertView alert = alerts.get(id);
        model.addAttribute("section", "alerts");
        model.addAttribute("alert", alert);
        model.addAttribute("runbookTitles", titles(List.of(alert)));
        return "oncall/alert";
    }

    @PostMapping("/alerts/{id}/ticket")
    String ticket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        var made = tickets.ticketFor(id, agent);
        flash.addFlashAttribute(
                "notice", made.made() ? "Ticket made from the alert." : "This alert already has this ticket.");
        return "redirect:/tickets/" + made.ticket().number();
    }

    private Map<Long, String> titles(List<AlertView> list) {
        Map<Long, String> titles = new LinkedHashMap<>();
        list.forEach(a -> runbooks.articleTitle(a.runbookUrl()).ifPresent(t -> titles.put(a.id(), t)));
        return titles;
    }
}
