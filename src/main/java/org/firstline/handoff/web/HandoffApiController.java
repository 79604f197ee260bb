package org.firstline.handoff.web;

import java.util.List;
import java.util.Map;
import org.firstline.handoff.HandoffNotes;
import org.firstline.handoff.HandoffView;
import org.firstline.platform.AgentPrincipal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Handoffs in the API: every agent reads; the outgoing person edits, the incoming one marks read. */
@RestController
class HandoffApiController {
    private final HandoffNotes handoffs;

    HandoffApiController(HandoffNotes handoffs) {
        this.handoffs = handoffs;
    }

    @GetMapping("/api/v1/handoffs")
    Map<String, List<HandoffView>> apiList(
            @RequestParam(defaultValue = "false") boolean mine, @AuthenticationPrincipal AgentPrincipal agent) {
        return Map.of("items", handoffs.recent(mine ? agent.id() : null, 100));
    }

    @GetMapping("/api/v1/handoffs/{id}")
    HandoffView apiGet(@PathVariable long id) {
        return handoffs.get(id);
    }

    record Edit(@Nullable String body) {}

    @PutMapping("/api/v1/handoffs/{id}")
    HandoffView apiEdit(@PathVariable long id, @RequestBody Edit edit, @AuthenticationPrincipal AgentPrincipal agent) {
        return handoffs.edit(id, edit.body(), agent);
    }

    @PostMapping("/api/v1/handoffs/{id}/read")
    HandoffView apiRead(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return handoffs.read(id, agent);
    }
}
