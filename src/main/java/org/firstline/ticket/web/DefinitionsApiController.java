package org.firstline.ticket.web;

import java.util.List;
import org.firstline.ticket.CriticalDefinition;
import org.firstline.ticket.Impact;
import org.firstline.ticket.SeverityDefinitions;
import org.firstline.ticket.SeverityMeaning;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What critical, each priority and each impact mean: read by everyone, written by admins. */
@RestController
@RequestMapping("/api/v1/definitions")
class DefinitionsApiController {
    private final SeverityDefinitions definitions;

    DefinitionsApiController(SeverityDefinitions definitions) {
        this.definitions = definitions;
    }

    record Definitions(CriticalDefinition critical, List<SeverityMeaning> priorities, List<SeverityMeaning> impacts) {}

    record CriticalForm(Impact minimumImpact, String meaning) {}

    record MeaningForm(Long planId, String meaning) {}

    @GetMapping
    Definitions get(@RequestParam(required = false) Long planId) {
        return new Definitions(definitions.critical(), definitions.priorities(planId), definitions.impacts(planId));
    }

    @PutMapping("/critical")
    @PreAuthorize("hasRole('ADMIN')")
    CriticalDefinition critical(@RequestBody CriticalForm form) {
        return definitions.defineCritical(form.minimumImpact(), form.meaning());
    }

    @PutMapping("/{scale}/{level}")
    @PreAuthorize("hasRole('ADMIN')")
    Definitions level(@PathVariable String scale, @PathVariable String level, @RequestBody MeaningForm form) {
        definitions.define(
                form.planId(),
                scale.toUpperCase(java.util.Locale.ROOT),
                level.toUpperCase(java.util.Locale.ROOT),
                form.meaning());
        return get(form.planId());
    }
}
