package org.firstline.oncall.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.firstline.oncall.AlertSeverities;
import org.firstline.oncall.AlertSeverity;
import org.firstline.oncall.AlertSourceForm;
import org.firstline.oncall.AlertSourceView;
import org.firstline.oncall.AlertSources;
import org.firstline.oncall.CreatedAlertSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Alert sources and the severity mapping: admins only, but anyone signed in may read the mapping. */
@RestController
class AlertSourceApiController {
    private final AlertSources sources;
    private final AlertSeverities severities;

    AlertSourceApiController(AlertSources sources, AlertSeverities severities) {
        this.sources = sources;
        this.severities = severities;
    }

    /** The mapping from severity labels, as {@code {"mapping": {"critical": "CRITICAL", …, "*": "HIGH"}}}. */
    record SeverityMapping(Map<String, AlertSeverity> mapping) {}

    @GetMapping("/api/v1/alert-sources")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, List<AlertSourceView>> list() {
        return Map.of("items", sources.list());
    }

    @PostMapping("/api/v1/alert-sources")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CreatedAlertSource> create(@Valid @RequestBody AlertSourceForm form) {
        return ResponseEntity.status(201).body(sources.create(form));
    }

    @GetMapping("/api/v1/alert-sources/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AlertSourceView get(@PathVariable long id) {
        return sources.get(id);
    }

    @PutMapping("/api/v1/alert-sources/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AlertSourceView update(@PathVariable long id, @Valid @RequestBody AlertSourceForm form) {
        return sources.update(id, form);
    }

    @PostMapping("/api/v1/alert-sources/{id}/token")
    @PreAuthorize("hasRole('ADMIN')")
    CreatedAlertSource rotate(@PathVariable long id) {
        return sources.rotate(id);
    }

    @DeleteMapping("/api/v1/alert-sources/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sources.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/alert-severities")
    SeverityMapping severities() {
        return new SeverityMapping(severities.mapping());
    }

    @PutMapping("/api/v1/alert-severities")
    @PreAuthorize("hasRole('ADMIN')")
    SeverityMapping replace(@RequestBody SeverityMapping body) {
        if (body.mapping() == null) {
            throw new org.firstline.platform.InvalidRequestException("mapping", "is required");
        }
        return new SeverityMapping(severities.replace(body.mapping()));
    }
}
