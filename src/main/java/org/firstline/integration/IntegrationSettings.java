package org.firstline.integration;

/**
 * Settings of the outside services as admins see them: base URLs and names in full, secrets only as "set or not".
 */
public record IntegrationSettings(
        boolean slackSupportWebhookSet,
        String trelloBaseUrl,
        boolean trelloKeySet,
        boolean trelloTokenSet,
        String githubBaseUrl,
        String githubRepository,
        boolean githubTokenSet,
        boolean githubWebhookSecretSet,
        String githubPlanningRepository,
        String shortcutBaseUrl,
        boolean shortcutTokenSet,
        Long shortcutWorkflowStateId,
        int sprintDays) {}
