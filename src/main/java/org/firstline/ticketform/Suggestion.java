package org.firstline.ticketform;

/** What a rule suggests for the text typed so far: its title and the address, placeholders filled. */
public record Suggestion(long ruleId, DeflectionRule.Kind kind, String title, String url) {}
