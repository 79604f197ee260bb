package org.firstline.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LinearTeamClassifierTest {
    /** A template block some requesters paste: twenty words that always come together and say little about the team. */
    static final String TEMPLATE = "kubernetes cluster version helm chart namespace ingress controller region zone "
            + "deployment replica container registry image digest runtime kernel platform environment";

    /**
     * Nine in ten of team 1's tickets say "alphaword", one in ten of team 2's; the template is pasted into three in ten
     * of team 1's and seven in ten of team 2's. With both, team 1 is four times likelier. Naive Bayes takes the
     * template's twenty words (and their pairs) for forty independent hints of team 2 and is outvoted by them; a linear
     * model weighs the block once.
     */
    static List<TeamClassifier.Example> correlatedDuplicates(int size) {
        var examples = new ArrayList<TeamClassifier.Example>();
        String[] noise = {"yesterday evening", "since monday", "for several users", "after the upgrade", "in production"
        };
        for (int i = 0; i < size; i++) {
            boolean first = i % 2 == 0;
            int k = (i / 2) % 10;
            boolean alpha = first ? k != 0 : k == 0;
            boolean template = first ? k >= 1 && k <= 3 : k <= 6;
            String body = (alpha ? "alphaword " : "") + "problem " + noise[(i / 2) % noise.length]
                    + (template ? " " + TEMPLATE : "");
            examples.add(new TeamClassifier.Example("Request", body, first ? 1 : 2));
        }
        return examples;
    }

    @Test
    void separatesTicketsWhereCorrelatedDuplicateWordsMisleadNaiveBayes() {
        var history = correlatedDuplicates(200);
        var bayes = TeamClassifier.train(history);
        var linear = LinearTeamClassifier.train(history, LinearTeamClassifier.Loss.SVM, 16, 4);
        String subject = "Request";
        String body = "alphaword problem in production " + TEMPLATE;
        assertThat(bayes.shares(subject, body).get(0).teamId())
                .as("naive Bayes is outvoted by the template")
                .isEqualTo(2);
        assertThat(linear.shares(subject, body).get(0).teamId()).isEqualTo(1);
        assertThat(linear.shares("Request", "problem for several users").get(0).teamId())
                .isEqualTo(2);
        assertThat(linear.predict(subject, body).get(0).words()).contains("alphaword");
        var logistic = LinearTeamClassifier.train(history, LinearTeamClassifier.Loss.LOGISTIC, 256, 1);
        assertThat(logistic.shares(subject, body).get(0).teamId()).isEqualTo(1);
    }

    @Test
    void sharesAddUpToOneAndTheBestIsFirst() {
        var model = LinearTeamClassifier.train(correlatedDuplicates(200), LinearTeamClassifier.Loss.SVM, 1, 4);
        var shares = model.predict("Request", "problem since monday " + TEMPLATE);
        assertThat(shares.stream().mapToDouble(TeamClassifier.Prediction::share).sum())
                .isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(shares.get(0).share()).isGreaterThan(shares.get(1).share());
        var unknown = model.shares("zebra", "quantum banana");
        assertThat(unknown).hasSize(2);
        assertThat(unknown.get(0).share()).isLessThan(0.9);
    }

    @Test
    void tuningChoosesAStrengthAndATemperatureFromTheGrid() {
        var history = correlatedDuplicates(300);
        var tuned = LinearTeamClassifier.tune(
                history.subList(0, 200), history.subList(200, 300), LinearTeamClassifier.Loss.SVM);
        assertThat(LinearTeamClassifier.C_GRID).contains(tuned.c());
        assertThat(LinearTeamClassifier.SCALES).contains(tuned.scale());
        assertThat(tuned.accuracy()).isEqualTo(1.0);
        // a confident, right model earns a sharp temperature rather than the flattest one
        assertThat(tuned.scale()).isGreaterThan(1);
    }

    @Test
    void aModelWrittenAndReadBackScoresEveryTicketTheSame() {
        var model = LinearTeamClassifier.train(correlatedDuplicates(200), LinearTeamClassifier.Loss.SVM, 4, 8);
        byte[] bytes = LinearModelBytes.write(model);
        var read = LinearModelBytes.read(bytes);
        assertThat(read.c()).isEqualTo(4);
        assertThat(read.scale()).isEqualTo(8);
        assertThat(read.loss()).isEqualTo(LinearTeamClassifier.Loss.SVM);
        assertThat(read.examples()).isEqualTo(200);
        for (String[] text :
                new String[][] {{"Request", "alphaword " + TEMPLATE}, {"Request", "problem"}, {"x", "zebra"}}) {
            assertThat(read.predict(text[0], text[1])).isEqualTo(model.predict(text[0], text[1]));
        }
        assertThat(LinearModelBytes.write(read)).isEqualTo(bytes);
        assertThatThrownBy(() -> LinearModelBytes.read(new byte[] {0, 0, 0, 9}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearModelBytes.read(new byte[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameHistoryGivesTheSameModelOnEveryNode() {
        var history = correlatedDuplicates(200);
        var one = LinearTeamClassifier.train(history, LinearTeamClassifier.Loss.SVM, 1, 4);
        var other = LinearTeamClassifier.train(history, LinearTeamClassifier.Loss.SVM, 1, 4);
        assertThat(LinearModelBytes.write(one)).isEqualTo(LinearModelBytes.write(other));
    }
}
