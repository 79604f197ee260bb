package org.firstline.integration;

import org.jspecify.annotations.Nullable;

/** Where a team wants assignments announced: its Slack channel (webhook set or not) and its Trello list. */
public record TeamChannel(
        long teamId, boolean slackWebhookSet, @Nullable String trelloListId) {}
