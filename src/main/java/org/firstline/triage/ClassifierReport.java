package org.firstline.triage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One training of the team classifier: how many past assignments it learned from, and on the newest tickets it was
 * not trained on, how often the ownership map alone, the classifier alone and both combined named the team the ticket
 * really went to. Accuracies are null when there was too little history to measure them.
 */
public record ClassifierReport(@Nullable Instant trainedAt, int examples, int heldOut, @Nullable Double rulesAccuracy, @Nullable Double modelAccuracy,
        @Nullable Double combinedAccuracy, double modelWeight, long durationMs) {}
