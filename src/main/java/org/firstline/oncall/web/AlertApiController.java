package org.firstline.oncall.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.AlertFilter;
import org.firstline.oncall.AlertNoise;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertStatus;
import org.firstline.oncall.AlertTickets;
import org.firstline.oncall.AlertView;
import org.firstline.oncall.Alerts;
import org.firstline.oncall.MaintenanceWindowForm;
import org.firstline.oncall.MaintenanceWindowView;
import org.firstline.oncall.MaintenanceWindows;
import org.firstline.platform.AgentPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts over the API: lists, one with its parts, the noisy keys, making a ticket, and maintenance windows. */
@RestController
class AlertApiController {
    private final Alerts alerts;
    private final AlertTickets tickets;
    private final MaintenanceWindows maintenance;

    AlertApiController(Alerts alerts, AlertTickets tickets, MaintenanceWindows maintenance) {
        this.alerts = alerts;
        this.tickets = tickets;
        this.maintenance = maintenance;
    }

    @GetMapping("/api/v1/alerts")
    Map<String, List<AlertView>> list(
            @RequestParam(required = false) @Nullable AlertStatus status,
            @RequestParam(required = false) @Nullable Long source,
            @RequestParam(required = false) @Nullable AlertSeverity severity,
            @RequestParam(required = false) @Nullable Boolean suppressed,
            @RequestParam(defaultValue = "100") int limit) {
        return Map.of("items", alerts.list(new AlertFilter(status, source, severity, suppressed, limit)));
    }

    @GetMapping("/api/v1/alerts/noisy")
    Map<String, Object> noisy(@RequestParam(defaultValue = "10") int limit) {
        List<AlertNoise> items = alerts.noisy(limit);
        return Map.of("periodDays", Alerts.NOISE_PERIOD.toDays(), "items", items);
    }

    @GetMapping("/api/v1/alerts/{id}")
    AlertView get(@PathVariable long id) {
        return alerts.get(id);
    }

    @PostMapping("/api/v1/alerts/{id}/ticket")
    ResponseEntity<Map<String, Object>> ticket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        var made = tickets.ticketFor(id, agent);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", id);
        body.put("ticketId", made.ticket().id());
        body.put("number", made.ticket().number());
        body.put("made", made.made());
        return ResponseEntity.status(made.made() ? 201 : 200).body(body);
    }

    @GetMapping("/api/v1/maintenance-windows")
    Map<String, List<MaintenanceWindowView>> windows() {
        return Map.of("items", maintenance.current());
    }

    @PostMapping("/api/v1/maintenance-windows")
    ResponseEntity<MaintenanceWindowView> createWindow(
            @jakarta.validation.Valid @RequestBody MaintenanceWindowForm form) {
        return ResponseEntity.status(201).body(maintenance.create(form));
    }

    @DeleteMapping("/api/v1/maintenance-windows/{id}")
    ResponseEntity<Void> deleteWindow(@PathVariable long id) {
        maintenance.delete(id);
        return ResponseEntity.noContent().build();
    }
}
