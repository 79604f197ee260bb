package org.firstline.integration.internal;

import org.jspecify.annotations.Nullable;

/** The settings with their secrets decrypted, for the code that calls out; never leaves the module. */
public record Secrets(
        @Nullable String slackSupportWebhook,
        String trelloBaseUrl,
        @Nullable String trelloKey,
        @Nullable String trelloToken,
        String githubBaseUrl,
        @Nullable String githubRepository,
        @Nullable String githubToken,
        @Nullable String githubWebhookSecret,
        @Nullable String githubPlanningRepository,
        String shortcutBaseUrl,
        @Nullable String shortcutToken,
        @Nullable Long shortcutWorkflowStateId,
        int sprintDays) {}
