package org.firstline.statuspage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.firstline.incident.ComponentForm;
import org.firstline.incident.ComponentStatus;
import org.firstline.incident.ComponentView;
import org.firstline.incident.MaintenanceForm;
import org.firstline.incident.MaintenanceView;
import org.firstline.incident.Maintenances;
import org.firstline.incident.StatusComponents;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Components and planned maintenance over JSON. Admins keep the component list; any agent who may write moves a
 * component's status during an incident and schedules maintenance.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Status page", description = "Components and scheduled maintenance shown on the public status page")
class StatusAdminApiController {
    private final StatusComponents components;
    private final Maintenances maintenances;

    StatusAdminApiController(StatusComponents components, Maintenances maintenances) {
        this.components = components;
        this.maintenances = maintenances;
    }

    @GetMapping("/components")
    @Operation(summary = "Components, archived ones too when asked")
    Map<String, List<ComponentView>> components(@RequestParam(defaultValue = "false") boolean archived) {
        return Map.of("items", components.list(archived));
    }

    @GetMapping("/components/{id}")
    ComponentView component(@PathVariable long id) {
        return components.get(id);
    }

    @PostMapping("/components")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Adds a component (admins); a name already in use is a 409")
    ComponentView createComponent(@RequestBody ComponentForm form) {
        return components.create(form);
    }

    @PatchMapping("/components/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Changes name, description, group, position or status (admins)")
    ComponentView updateComponent(@PathVariable long id, @RequestBody ComponentForm form) {
        return components.update(id, form);
    }

    @PostMapping("/components/{id}/status")
    @PreAuthorize("hasAnyRole('ADMIN', 'AGENT')")
    @Operation(summary = "Moves a component's status, e.g. during an incident (agents and admins)")
    ComponentView changeStatus(@PathVariable long id, @RequestBody StatusChange change) {
        if (change.status() == null) throw new InvalidRequestException("status", "is required");
        return components.changeStatus(id, change.status());
    }

    @PostMapping("/components/{id}/archive")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Takes a component off the page (admins)")
    ComponentView archiveComponent(@PathVariable long id) {
        return components.archive(id);
    }

    @GetMapping("/maintenances")
    @Operation(summary = "Scheduled maintenance, newest first; cancelled ones too when asked")
    Map<String, List<MaintenanceView>> maintenances(@RequestParam(defaultValue = "false") boolean cancelled) {
        return Map.of("items", maintenances.list(cancelled));
    }

    @GetMapping("/maintenances/{id}")
    MaintenanceView maintenance(@PathVariable long id) {
        return maintenances.get(id);
    }

    @PostMapping("/maintenances")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'AGENT')")
    @Operation(summary = "Schedules maintenance: title, Markdown body, window and components")
    MaintenanceView schedule(@RequestBody MaintenanceForm form) {
        return maintenances.schedule(form);
    }

    @PatchMapping("/maintenances/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'AGENT')")
    MaintenanceView updateMaintenance(@PathVariable long id, @RequestBody MaintenanceForm form) {
        return maintenances.update(id, form);
    }

    @PostMapping("/maintenances/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'AGENT')")
    @Operation(summary = "Calls planned work off; it leaves the status page")
    MaintenanceView cancel(@PathVariable long id) {
        return maintenances.cancel(id);
    }

    record StatusChange(@Nullable ComponentStatus status) {}
}
