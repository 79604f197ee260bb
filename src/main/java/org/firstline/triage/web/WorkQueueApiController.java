package org.firstline.triage.web;

import org.firstline.triage.WorkQueue;
import org.firstline.triage.WorkQueuePage;
import org.firstline.triage.WorkQueueSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The work queue over the API: a page of it in 2i2c's order, and its budget-share setting (admins change it). */
@RestController
@RequestMapping("/api/v1/triage/work-queue")
class WorkQueueApiController {
    private final WorkQueue workQueue;
    private final WorkQueueSettings settings;

    WorkQueueApiController(WorkQueue workQueue, WorkQueueSettings settings) {
        this.workQueue = workQueue;
        this.settings = settings;
    }

    @GetMapping
    WorkQueuePage page(
            @RequestParam(required = false) Long teamId,
            @RequestParam(defaultValue = "200") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return workQueue.page(teamId, limit, offset);
    }

    record Settings(Integer budgetSharePercent) {}

    @GetMapping("/settings")
    Settings settings() {
        return new Settings(settings.budgetSharePercent());
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    Settings update(@RequestBody @Nullable Settings body) {
        return new Settings(settings.setBudgetSharePercent(body == null ? null : body.budgetSharePercent()));
    }
}
