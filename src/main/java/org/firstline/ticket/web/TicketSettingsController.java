package org.firstline.ticket.web;

import org.firstline.ticket.TicketSettings;
import org.firstline.ticket.TicketSettingsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket settings' field beside the resolution mail on Admin → Email templates (the mail tells the requester the
 * days): how long a resolved ticket waits for its requester before it closes by itself.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TicketSettingsController {
    private final TicketSettingsService settings;

    TicketSettingsController(TicketSettingsService settings) {
        this.settings = settings;
    }

    @PostMapping("/admin/ticket-settings")
    String save(@RequestParam int autoCloseDays, RedirectAttributes flash) {
        settings.update(new TicketSettings(autoCloseDays));
        flash.addFlashAttribute(
                "notice", "Resolved tickets now close after " + autoCloseDays + " days without an answer.");
        return "redirect:/admin/email-templates";
    }
}
