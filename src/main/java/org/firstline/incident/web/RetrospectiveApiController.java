package org.firstline.incident.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.firstline.incident.internal.Retrospectives;
import org.firstline.incident.internal.SurgeWatch;
import org.firstline.platform.AgentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The A3 retrospective and its actions over JSON; the surge suggestion and its settings. */
@RestController
class RetrospectiveApiController {
    private final Retrospectives retrospectives;
    private final SurgeWatch surges;

    RetrospectiveApiController(Retrospectives retrospectives, SurgeWatch surges) {
        this.retrospectives = retrospectives;
        this.surges = surges;
    }

    @GetMapping("/api/v1/incidents/{id}/retrospective")
    Retrospectives.A3 get(@PathVariable long id) {
        return retrospectives.get(id);
    }

    @PutMapping("/api/v1/incidents/{id}/retrospective")
    Retrospectives.A3 save(
            @PathVariable long id,
            @Valid @RequestBody Retrospectives.A3 form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return retrospectives.save(id, form, agent);
    }

    @GetMapping("/api/v1/incidents/{id}/actions")
    List<Retrospectives.Action> actions(@PathVariable long id) {
        retrospectives.get(id);
        return retrospectives.actions(id);
    }

    @PostMapping("/api/v1/incidents/{id}/actions")
    ResponseEntity<Map<String, Long>> add(
            @PathVariable long id,
            @Valid @RequestBody Retrospectives.ActionForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        long action = retrospectives.addAction(id, form, agent);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id + "/actions"))
                .body(Map.of("id", action));
    }

    @PostMapping("/api/v1/incidents/{id}/actions/{actionId}/done")
    ResponseEntity<Void> done(
            @PathVariable long id,
            @PathVariable long actionId,
            @RequestParam(defaultValue = "true") boolean done,
            @AuthenticationPrincipal AgentPrincipal agent) {
        retrospectives.markDone(id, actionId, done, agent);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/incidents/surge")
    List<SurgeWatch.Surge> surge() {
        return surges.all();
    }

    @GetMapping("/api/v1/incident-settings")
    SurgeWatch.Settings settings() {
        return surges.settings();
    }

    @PutMapping("/api/v1/incident-settings")
    SurgeWatch.Settings saveSettings(
            @Valid @RequestBody SurgeWatch.Settings settings, @AuthenticationPrincipal AgentPrincipal agent) {
        if (!agent.isAdmin()) throw new AccessDeniedException("Only admins change when a surge suggests an incident.");
        return surges.save(settings);
    }
}
