package org.firstline.triage.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.firstline.triage.ClassifierReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The classifier of this node, trained on the newest past assignments (tickets with a team). Training measures first:
 * the oldest 70 % teach a model, the next 10 % choose how much the model counts against the ownership map, the
 * newest 20 % give the accuracies; then the model every suggestion uses learns from all of them.
 */
@Component
public class TeamModel {
    /** Enough history for a desk's habits; training stays within a second or two. */
    static final int MAX_EXAMPLES = 50_000;
    static final int MIN_EXAMPLES = 20;
    private static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable TeamClassifier classifier;
    private volatile double weight = 0.5;
    private volatile @Nullable ClassifierReport report;

    TeamModel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The current model, or null before there was history enough to learn from. */
    public @Nullable TeamClassifier classifier() {
        return classifier;
    }

    public double weight() {
        return weight;
    }

    public @Nullable ClassifierReport report() {
        return report;
    }

    public synchronized ClassifierReport train(OwnershipMatcher rules) {
        long started = System.nanoTime();
        List<TeamClassifier.Example> examples = history();
        int n = examples.size();
        ClassifierReport result;
        long teams = examples.stream().mapToLong(TeamClassifier.Example::teamId).distinct().count();
        if (n < MIN_EXAMPLES || teams < 2) {
            classifier = null;
            result = new ClassifierReport(clock.instant(), n, 0, null, null, null, 0, 0);
        } else {
            int trainEnd = (int) (n * 0.8);
            int tuneStart = (int) (n * 0.7);
            TeamClassifier tuning = TeamClassifier.train(examples.subList(0, tuneStart));
            double chosen = bestWeight(tuning, rules, examples.subList(tuneStart, trainEnd));
            TeamClassifier measured = TeamClassifier.train(examples.subList(0, trainEnd));
            List<TeamClassifier.Example> test = examples.subList(trainEnd, n);
            int rulesRight = 0;
            int modelRight = 0;
            int combinedRight = 0;
            for (var e : test) {
                var matches = rules.match(e.subject(), e.body());
                var shares = measured.shares(e.subject(), e.body());
                if (!matches.isEmpty() && matches.get(0).teamId() == e.teamId()) rulesRight++;
                if (shares.get(0).teamId() == e.teamId()) modelRight++;
                Long best = TeamBlend.best(matches, shares, chosen);
                if (best != null && best == e.teamId()) combinedRight++;
            }
            classifier = TeamClassifier.train(examples);
            weight = chosen;
            double size = test.size();
            result = new ClassifierReport(clock.instant(), n, test.size(), rulesRight / size, modelRight / size,
                    combinedRight / size, chosen, (System.nanoTime() - started) / 1_000_000);
        }
        jdbc.sql("""
                insert into classifier_training (trained_at, examples, held_out, rules_accuracy, model_accuracy, combined_accuracy,
                                                 model_weight, duration_ms)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(result.trainedAt()), result.examples(), result.heldOut(), result.rulesAccuracy(),
                        result.modelAccuracy(), result.combinedAccuracy(), result.modelWeight(), result.durationMs())
                .update();
        report = result;
        return result;
    }

    private static double bestWeight(TeamClassifier model, OwnershipMatcher rules, List<TeamClassifier.Example> tune) {
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

    /** Past assignments, oldest first: every ticket that has a team, whether triaged here or imported with one. */
    private List<TeamClassifier.Example> history() {
        // as many of the newest as fit the text budget: a desk of pasted logs must not fill the heap while training
        var newestFirst = jdbc.sql("""
                with newest as (
                    select t.id, t.created_at, t.team_id, left(t.subject, :perText) as subject,
                           left(coalesce((select m.body from message m where m.ticket_id = t.id order by m.id limit 1), ''), :perText) as body
                    from ticket t where t.team_id is not null
                    order by t.created_at desc, t.id desc limit :max
                )
                select subject, body, team_id from (
                    select newest.*, sum(length(subject) + length(body)) over (order by created_at desc, id desc) as running from newest
                ) budgeted where running <= :total
                order by created_at desc, id desc""")
                .param("perText", TextBudget.MODELS.perText())
                .param("max", MAX_EXAMPLES)
                .param("total", TextBudget.MODELS.total())
                .query((rs, i) -> new TeamClassifier.Example(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        var oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
