package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {
    private static final OwnershipMatcher NO_RULES = new OwnershipMatcher(List.of());

    @Test
    void picksTheLinearModelWhenItIsMoreAccurateOnTheNewestTickets() {
        var choice = ModelChoice.choose(LinearTeamClassifierTest.correlatedDuplicates(400), NO_RULES);
        assertThat(choice.linear().combined()).isGreaterThan(choice.bayes().combined());
        assertThat(choice.model().kind()).isEqualTo(TeamPredictor.ModelKind.LINEAR);
        assertThat(choice.chosen()).isEqualTo(choice.linear());
        assertThat(choice.heldOut()).isEqualTo(80);
        assertThat(choice.model().examples()).isEqualTo(400);
        assertThat(LinearTeamClassifier.C_GRID).contains(choice.linearC());
    }

    @Test
    void keepsNaiveBayesWhenItIsMoreAccurateOrAsAccurate() {
        // three teams, each with its own words and nothing shared: both models get every held-out ticket right
        var history = new ArrayList<TeamClassifier.Example>();
        String[][] teams = {
            {"invoice refund charged", "billing"},
            {"quota volume backup", "storage"},
            {"password login sso", "identity"}
        };
        for (int i = 0; i < 150; i++) {
            String[] t = teams[i % 3];
            history.add(new TeamClassifier.Example(t[1] + " question " + i % 7, t[0] + " please help", i % 3 + 1));
        }
        var choice = ModelChoice.choose(history, NO_RULES);
        assertThat(choice.bayes().combined()).isEqualTo(1.0);
        assertThat(choice.linear().combined()).isEqualTo(1.0);
        assertThat(choice.model().kind()).isEqualTo(TeamPredictor.ModelKind.NAIVE_BAYES);
        assertThat(new Holdout.Score(0.9, 0.95).beats(new Holdout.Score(0.95, 0.94)))
                .as("combined decides first")
                .isTrue();
        assertThat(new Holdout.Score(0.9, 0.95).beats(new Holdout.Score(0.91, 0.95)))
                .as("then alone")
                .isFalse();
        assertThat(new Holdout.Score(0.9, 0.95).beats(new Holdout.Score(0.9, 0.95)))
                .as("a tie is not better")
                .isFalse();
    }
}
