package org.firstline.triage.web;

import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.NotFoundException;
import org.firstline.triage.EngineeringManagerHandover;
import org.firstline.triage.EngineeringManagerRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Hands a critical ticket to the engineering manager, and says whether and to whom it was handed. */
@RestController
@RequestMapping("/api/v1/tickets/{id}/engineering-manager")
class EngineeringManagerApiController {
    private final EngineeringManagerHandover handover;

    EngineeringManagerApiController(EngineeringManagerHandover handover) {
        this.handover = handover;
    }

    record AskForm(@Nullable String reason) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EngineeringManagerRequest ask(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable AskForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return handover.ask(id, form == null ? null : form.reason(), agent);
    }

    @GetMapping
    EngineeringManagerRequest latest(@PathVariable long id) {
        return handover.latest(id)
                .orElseThrow(
                        () -> new NotFoundException("Ticket " + id + " was never handed to the engineering manager."));
    }
}
