package org.firstline.triage;

/** One entry of a team's support area on the ownership map. */
public record OwnershipRule(long id, long teamId, RuleKind kind, String term, int weight) {}
