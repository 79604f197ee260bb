package org.firstline.triage;

import java.util.List;

/**
 * A team for the ticket with a score from 0 to 1, the ownership map's terms that matched and the words the classifier
 * learned from past assignments that speak for it.
 */
public record TeamSuggestion(
        long teamId, String teamName, double score, List<String> ruleWords, List<String> learnedWords) {}
