package org.firstline.triage.internal;

import java.util.List;

/** A model of which team a ticket goes to, learned from past assignments: naive Bayes or the linear model. */
public sealed interface TeamPredictor permits TeamClassifier, LinearTeamClassifier {

    /** Every team with its share, best first; the best three with the words that speak for them. */
    List<TeamClassifier.Prediction> predict(String subject, String body);

    /** Shares only, for measuring accuracy. */
    List<TeamClassifier.Prediction> shares(String subject, String body);

    int examples();

    int teamCount();

    /** Which kind of model this is, as the classifier report names it. */
    ModelKind kind();

    enum ModelKind {
        NAIVE_BAYES("naive Bayes"),
        LINEAR("linear SVM");

        private final String label;

        ModelKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
