package org.firstline.triage.internal;

import java.util.List;

/**
 * How a team model does on tickets it did not learn from: top-1 accuracy alone and combined with the ownership map,
 * and the weight against the map that combines best.
 */
final class Holdout {
    private static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    record Score(double alone, double combined) {
        /** More accurate combined (what suggestions use), else alone; a tie is not better. */
        boolean beats(Score other) {
            return combined != other.combined ? combined > other.combined : alone > other.alone;
        }
    }

    private Holdout() {}

    static Score score(TeamPredictor model, OwnershipMatcher rules, List<TeamClassifier.Example> test, double weight) {
        int alone = 0;
        int combined = 0;
        for (var e : test) {
            var shares = model.shares(e.subject(), e.body());
            if (shares.get(0).teamId() == e.teamId()) alone++;
            Long best = TeamBlend.best(rules.match(e.subject(), e.body()), shares, weight);
            if (best != null && best == e.teamId()) combined++;
        }
        return new Score(alone / (double) test.size(), combined / (double) test.size());
    }

    static double rulesAlone(OwnershipMatcher rules, List<TeamClassifier.Example> test) {
        int right = 0;
        for (var e : test) {
            var matches = rules.match(e.subject(), e.body());
            if (!matches.isEmpty() && matches.get(0).teamId() == e.teamId()) right++;
        }
        return right / (double) test.size();
    }

    static double bestWeight(TeamPredictor model, OwnershipMatcher rules, List<TeamClassifier.Example> tune) {
        int[] right = new int[WEIGHTS.length];
        for (var e : tune) {
            var matches = rules.match(e.subject(), e.body());
            var shares = model.shares(e.subject(), e.body());
            for (int i = 0; i < WEIGHTS.length; i++) {
                Long best = TeamBlend.best(matches, shares, WEIGHTS[i]);
                if (best != null && best == e.teamId()) right[i]++;
            }
        }
        int best = WEIGHTS.length / 2;
        for (int i = 0; i < WEIGHTS.length; i++) if (right[i] > right[best]) best = i;
        return WEIGHTS[best];
    }
}
