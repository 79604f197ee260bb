package org.firstline.triage;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One training of the team classifier: how many past assignments it learned from, and on the newest tickets it was
 * not trained on, how often the ownership map alone, the model in use alone and combined with the map named the team
 * the ticket really went to. Both models are measured on the same tickets — naive Bayes and the linear SVM, each alone
 * and combined — and {@code modelInUse} ({@code NAIVE_BAYES} or {@code LINEAR}) is the more accurate combined, naive
 * Bayes on a tie. Accuracies are null when there was too little history to measure them.
 */
public record ClassifierReport(
        @Nullable Instant trainedAt,
        int examples,
        int heldOut,
        @Nullable Double rulesAccuracy,
        @Nullable Double modelAccuracy,
        @Nullable Double combinedAccuracy,
        double modelWeight,
        long durationMs,
        @Nullable String modelInUse,
        @Nullable Double naiveBayesAccuracy,
        @Nullable Double naiveBayesCombinedAccuracy,
        @Nullable Double linearAccuracy,
        @Nullable Double linearCombinedAccuracy,
        @Nullable Double linearC) {

    public static ClassifierReport untrained(@Nullable Instant at, int examples, double weight) {
        return new ClassifierReport(at, examples, 0, null, null, null, weight, 0, null, null, null, null, null, null);
    }

    /** The model in use as people read it. */
    public String modelLabel() {
        if (modelInUse == null) return "none yet";
        return "LINEAR".equals(modelInUse) ? "linear SVM" : "naive Bayes";
    }
}
