package org.firstline.integration.internal;

/** The settings with their secrets decrypted, for the code that calls out; never leaves the module. */
public record Secrets(String slackSupportWebhook, String trelloBaseUrl, String trelloKey, String trelloToken, String githubBaseUrl,
        String githubRepository, String githubToken, String githubWebhookSecret, String githubPlanningRepository,
        String shortcutBaseUrl, String shortcutToken, Long shortcutWorkflowStateId, int sprintDays) {}
