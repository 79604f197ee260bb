package org.firstline.ticket.web;

import jakarta.validation.Valid;
import org.firstline.ticket.TicketSettings;
import org.firstline.ticket.TicketSettingsService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ticket settings over JSON: every agent reads them, admins change them. */
@RestController
@RequestMapping("/api/v1/ticket-settings")
class TicketSettingsApiController {
    private final TicketSettingsService settings;

    TicketSettingsApiController(TicketSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    TicketSettings get() {
        return settings.get();
    }

    @PatchMapping
    @PreAuthorize("hasRole('ADMIN')")
    TicketSettings update(@Valid @RequestBody TicketSettings form) {
        return settings.update(form);
    }
}
