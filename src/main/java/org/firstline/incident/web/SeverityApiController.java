package org.firstline.incident.web;

import jakarta.validation.Valid;
import java.util.List;
import org.firstline.incident.internal.SeverityLevels;
import org.firstline.platform.AgentPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Severity levels: every agent reads what they mean; admins change them. */
@RestController
@RequestMapping("/api/v1/incident-severities")
class SeverityApiController {
    private final SeverityLevels levels;

    SeverityApiController(SeverityLevels levels) {
        this.levels = levels;
    }

    @GetMapping
    List<SeverityLevels.Level> list() {
        return levels.list();
    }

    @PutMapping("/{level}")
    SeverityLevels.Level save(
            @PathVariable int level,
            @Valid @RequestBody SeverityLevels.LevelForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        if (!agent.isAdmin()) throw new AccessDeniedException("Only admins change severity levels.");
        return levels.save(level, form, agent.auditName());
    }
}
