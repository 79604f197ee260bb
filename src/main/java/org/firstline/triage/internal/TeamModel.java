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
 * the oldest 70 % teach, the next 10 % choose how much a model counts against the ownership map (and the linear
 * model's C), the newest 20 % give the accuracies of naive Bayes and of the linear model; the more accurate one
 * (combined with the map, naive Bayes on a tie) then learns from all of them and serves every suggestion. Every node
 * trains its own from the same history, and the same history gives the same model.
 */
@Component
public class TeamModel {
    /** Enough history for a desk's habits; training both models stays within some seconds. */
    static final int MAX_EXAMPLES = 50_000;

    static final int MIN_EXAMPLES = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable TeamPredictor classifier;
    private volatile double weight = 0.5;
    private volatile @Nullable ClassifierReport report;

    TeamModel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The model in use, or null before there was history enough to learn from. */
    public @Nullable TeamPredictor classifier() {
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
        long teams = examples.stream()
                .mapToLong(TeamClassifier.Example::teamId)
                .distinct()
                .count();
        if (n < MIN_EXAMPLES || teams < 2) {
            classifier = null;
            result = ClassifierReport.untrained(clock.instant(), n, 0);
        } else {
            var choice = ModelChoice.choose(examples, rules);
            classifier = choice.model();
            weight = choice.weight();
            result = new ClassifierReport(
                    clock.instant(),
                    n,
                    choice.heldOut(),
                    choice.rules(),
                    choice.chosen().alone(),
                    choice.chosen().combined(),
                    weight,
                    (System.nanoTime() - started) / 1_000_000,
                    classifier.kind().name(),
                    choice.bayes().alone(),
                    choice.bayes().combined(),
                    choice.linear().alone(),
                    choice.linear().combined(),
                    choice.linearC());
        }
        jdbc.sql("""
                insert into classifier_training (trained_at, examples, held_out, rules_accuracy, model_accuracy, combined_accuracy,
                                                 model_weight, duration_ms, model_in_use, naive_bayes_accuracy,
                                                 naive_bayes_combined_accuracy, linear_accuracy, linear_combined_accuracy, linear_c)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Timestamp.from(result.trainedAt()),
                        result.examples(),
                        result.heldOut(),
                        result.rulesAccuracy(),
                        result.modelAccuracy(),
                        result.combinedAccuracy(),
                        result.modelWeight(),
                        result.durationMs(),
                        result.modelInUse(),
                        result.naiveBayesAccuracy(),
                        result.naiveBayesCombinedAccuracy(),
                        result.linearAccuracy(),
                        result.linearCombinedAccuracy(),
                        result.linearC())
                .update();
        report = result;
        return result;
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
                .query((rs, i) -> new TeamClassifier.Example(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        var oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }
}
