package org.firstline.integration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change of the integration settings. A field left out (null) stays as it is; an empty string clears a secret or a
 * repository. Secrets are write-only.
 */
public record IntegrationSettingsForm(
        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String slackSupportWebhook,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String trelloBaseUrl,

        @Size(max = 200, message = "must be at most 200 characters") @Nullable
        String trelloKey,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String trelloToken,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String githubBaseUrl,

        @Pattern(regexp = "^$|^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", message = "must be owner/name") @Nullable
        String githubRepository,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String githubToken,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String githubWebhookSecret,

        @Pattern(regexp = "^$|^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", message = "must be owner/name") @Nullable
        String githubPlanningRepository,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String shortcutBaseUrl,

        @Size(max = 500, message = "must be at most 500 characters") @Nullable
        String shortcutToken,

        @Nullable Long shortcutWorkflowStateId,

        @Min(value = 1, message = "must be 1 to 90") @Max(value = 90, message = "must be 1 to 90") @Nullable
        Integer sprintDays) {}
