package org.firstline.integration;

/** Where a team wants assignments announced: its Slack channel (webhook set or not) and its Trello list. */
public record TeamChannel(long teamId, boolean slackWebhookSet, String trelloListId) {}
