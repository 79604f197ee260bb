package org.firstline.integration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change of the integration settings. A field left out (null) stays as it is; an empty string clears a secret or a
 * repository. Secrets are write-only.
 */
public record IntegrationSettingsForm(
        @Size(max = 500, message = "must be at most 500 characters") String slackSupportWebhook,
        @Size(max = 500, message = "must be at most 500 characters") String trelloBaseUrl,
        @Size(max = 200, message = "must be at most 200 characters") String trelloKey,
        @Size(max = 500, message = "must be at most 500 characters") String trelloToken,
        @Size(max = 500, message = "must be at most 500 characters") String githubBaseUrl,
        @Pattern(regexp = "^$|^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", message = "must be owner/name") String githubRepository,
        @Size(max = 500, message = "must be at most 500 characters") String githubToken,
        @Size(max = 500, message = "must be at most 500 characters") String githubWebhookSecret,
        @Pattern(regexp = "^$|^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", message = "must be owner/name") String githubPlanningRepository,
        @Size(max = 500, message = "must be at most 500 characters") String shortcutBaseUrl,
        @Size(max = 500, message = "must be at most 500 characters") String shortcutToken,
        Long shortcutWorkflowStateId,
        @Min(value = 1, message = "must be 1 to 90") @Max(value = 90, message = "must be 1 to 90") Integer sprintDays) {}
