package org.firstline.integration;

import org.jspecify.annotations.Nullable;

/**
 * Settings of the outside services as admins see them: base URLs and names in full, secrets only as "set or not".
 */
public record IntegrationSettings(
        boolean slackSupportWebhookSet,
        String trelloBaseUrl,
        boolean trelloKeySet,
        boolean trelloTokenSet,
        String githubBaseUrl,
        @Nullable String githubRepository,
        boolean githubTokenSet,
        boolean githubWebhookSecretSet,
        @Nullable String githubPlanningRepository,
        String shortcutBaseUrl,
        boolean shortcutTokenSet,
        @Nullable Long shortcutWorkflowStateId,
        int sprintDays) {}
