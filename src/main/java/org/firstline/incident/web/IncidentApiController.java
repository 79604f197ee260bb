package org.firstline.incident.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.firstline.incident.internal.DeclareForm;
import org.firstline.incident.internal.IncidentDeclarations;
import org.firstline.incident.internal.IncidentFields;
import org.firstline.incident.internal.IncidentPatch;
import org.firstline.incident.internal.IncidentStore;
import org.firstline.incident.internal.IncidentSummary;
import org.firstline.incident.internal.IncidentTickets;
import org.firstline.incident.internal.IncidentUpdates;
import org.firstline.incident.internal.IncidentView;
import org.firstline.incident.internal.LinkForm;
import org.firstline.incident.internal.UpdateForm;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents over JSON: declare (by hand, from a ticket, from an alert), read, change, post updates, link tickets. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentApiController {
    private final IncidentStore store;
    private final IncidentDeclarations declarations;
    private final IncidentFields fields;
    private final IncidentUpdates updates;
    private final IncidentTickets tickets;

    IncidentApiController(
            IncidentStore store,
            IncidentDeclarations declarations,
            IncidentFields fields,
            IncidentUpdates updates,
            IncidentTickets tickets) {
        this.store = store;
        this.declarations = declarations;
        this.fields = fields;
        this.updates = updates;
        this.tickets = tickets;
    }

    @GetMapping
    Map<String, List<IncidentSummary>> list(
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) throw new InvalidRequestException("limit", "must be between 1 and 500");
        return Map.of("items", store.list(open, limit));
    }

    /** 201 with a new incident; 200 when a repeated alert joined the open one. */
    @PostMapping
    ResponseEntity<IncidentView> declare(
            @Valid @RequestBody DeclareForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        var declared = declarations.declare(form, agent);
        var view = store.get(declared.id());
        return declared.created()
                ? ResponseEntity.created(URI.create("/api/v1/incidents/" + declared.id()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/{id}")
    IncidentView get(@PathVariable long id) {
        return store.get(id);
    }

    @PatchMapping("/{id}")
    IncidentView change(
            @PathVariable long id,
            @Valid @RequestBody IncidentPatch patch,
            @AuthenticationPrincipal AgentPrincipal agent) {
        fields.change(id, patch, agent);
        return store.get(id);
    }

    @PostMapping("/{id}/updates")
    ResponseEntity<Map<String, Object>> post(
            @PathVariable long id, @Valid @RequestBody UpdateForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        var posted = updates.post(id, form, agent);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + id))
                .body(Map.of(
                        "updateId", posted.updateId(),
                        "notices", posted.notices(),
                        "ticketsResolved", posted.ticketsResolved()));
    }

    @GetMapping("/{id}/tickets")
    Map<String, List<IncidentTickets.LinkedTicket>> linked(
            @PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 10000) throw new InvalidRequestException("limit", "must be between 1 and 10000");
        store.get(id);
        return Map.of("items", tickets.linked(id, limit));
    }

    @PostMapping("/{id}/tickets")
    Map<String, Object> link(
            @PathVariable long id, @Valid @RequestBody LinkForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        return Map.of("linked", tickets.link(id, form), "incidentId", id);
    }

    @DeleteMapping("/{id}/tickets/{ticketId}")
    ResponseEntity<Void> unlink(
            @PathVariable long id, @PathVariable long ticketId, @AuthenticationPrincipal AgentPrincipal agent) {
        tickets.unlink(id, ticketId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/suggested-tickets")
    Map<String, List<IncidentTickets.LinkedTicket>> suggested(@PathVariable long id) {
        store.get(id);
        return Map.of("items", tickets.suggested(id, 50));
    }
}
