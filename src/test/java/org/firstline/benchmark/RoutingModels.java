package org.firstline.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.firstline.triage.OwnershipRule;
import org.firstline.triage.RuleKind;
import org.firstline.triage.internal.LinearTeamClassifier;
import org.firstline.triage.internal.OwnershipMatcher;
import org.firstline.triage.internal.TeamBlend;
import org.firstline.triage.internal.TeamClassifier;
import org.firstline.triage.internal.TeamPredictor;

/**
 * Naive Bayes, logistic regression and the linear SVM side by side on one corpus in time order, with Firstline's own
 * split: the oldest 70 % teach, the next 10 % choose the linear model's C and each model's weight against the
 * ownership map, the newest 20 % measure top-1 accuracy (model alone and combined with the map).
 */
final class RoutingModels {
    record Result(
            String model,
            double alone,
            double combined,
            double weight,
            String setting,
            double trainSeconds,
            double predictMs) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-28s alone %5.1f %%  combined %5.1f %% (weight %.1f)  %s  trained in %.2f s, %.3f ms per ticket",
                    model,
                    100 * alone,
                    100 * combined,
                    weight,
                    setting,
                    trainSeconds,
                    predictMs);
        }
    }

    private RoutingModels() {}

    static List<Result> compare(List<TeamClassifier.Example> examples, OwnershipMatcher rules) {
        int n = examples.size();
        int tuneStart = (int) (n * 0.7);
        int trainEnd = (int) (n * 0.8);
        var teach = examples.subList(0, tuneStart);
        var tune = examples.subList(tuneStart, trainEnd);
        var learn = examples.subList(0, trainEnd);
        var test = examples.subList(trainEnd, n);
        var results = new ArrayList<Result>();
        long started = System.nanoTime();
        double w = weight(TeamClassifier.train(teach), rules, tune);
        TeamPredictor nb = TeamClassifier.train(learn);
        results.add(measure("naive Bayes", nb, rules, test, w, "", (System.nanoTime() - started) / 1e9));
        for (var loss : LinearTeamClassifier.Loss.values()) {
            started = System.nanoTime();
            var tuned = LinearTeamClassifier.tune(teach, tune, loss);
            double lw = weight(tuned.model(), rules, tune);
            var model = LinearTeamClassifier.train(learn, loss, tuned.c(), tuned.scale());
            results.add(measure(
                    "linear " + loss.name().toLowerCase(Locale.ROOT),
                    model,
                    rules,
                    test,
                    lw,
                    "C " + tuned.c()
                            + (loss == LinearTeamClassifier.Loss.SVM ? ", softmax scale " + tuned.scale() : ""),
                    (System.nanoTime() - started) / 1e9));
        }
        return results;
    }

    private static Result measure(
            String name,
            TeamPredictor model,
            OwnershipMatcher rules,
            List<TeamClassifier.Example> test,
            double weight,
            String setting,
            double seconds) {
        int alone = 0;
        int combined = 0;
        long nanos = 0;
        for (var e : test) {
            long t0 = System.nanoTime();
            var shares = model.shares(e.subject(), e.body());
            nanos += System.nanoTime() - t0;
            if (shares.get(0).teamId() == e.teamId()) alone++;
            Long best = TeamBlend.best(rules.match(e.subject(), e.body()), shares, weight);
            if (best != null && best == e.teamId()) combined++;
        }
        double size = test.size();
        return new Result(name, alone / size, combined / size, weight, setting, seconds, nanos / size / 1e6);
    }

    private static double weight(TeamPredictor model, OwnershipMatcher rules, List<TeamClassifier.Example> tune) {
        double best = 0.5;
        int bestRight = -1;
        for (int i = 0; i <= 10; i++) {
            double w = i / 10.0;
            int right = 0;
            for (var e : tune) {
                Long team = TeamBlend.best(rules.match(e.subject(), e.body()), model.shares(e.subject(), e.body()), w);
                if (team != null && team == e.teamId()) right++;
            }
            if (right > bestRight) {
                bestRight = right;
                best = w;
            }
        }
        return best;
    }

    /** The synthetic desk's history as examples, teams numbered from 1 as the benchmark loads them. */
    static List<TeamClassifier.Example> synthetic(List<TicketCorpus.Ticket> tickets) {
        return tickets.stream()
                .map(t -> new TeamClassifier.Example(t.subject(), t.body(), t.team() + 1))
                .toList();
    }

    static OwnershipMatcher syntheticRules() {
        var rules = new ArrayList<OwnershipRule>();
        long id = 1;
        for (var r : TicketCorpus.ownershipMap())
            rules.add(new OwnershipRule(id++, r.team() + 1, RuleKind.valueOf(r.kind()), r.term(), r.weight()));
        return new OwnershipMatcher(rules);
    }

    /** The synthetic desk's history alone: {@code TicketCorpus} in arrival order with its day-one ownership map. */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        System.out.println("Synthetic desk (TicketCorpus), " + size + " tickets:");
        compare(synthetic(TicketCorpus.generate(size, 7)), syntheticRules())
                .forEach(r -> System.out.println("  " + r.line()));
    }
}
