package org.firstline.triage.internal;

import java.util.List;

/**
 * Chooses this desk's team model from its own history, in time order: the oldest 70 % teach, the next 10 % choose how
 * much a model counts against the ownership map (and the linear model's C and temperature), the newest 20 % measure
 * naive Bayes and the linear model on the same tickets. The more accurate combined with the map (then alone) learns
 * from all the history; on a tie naive Bayes stays, being the cheaper to train.
 */
final class ModelChoice {
    static final LinearTeamClassifier.Loss LOSS = LinearTeamClassifier.Loss.SVM;

    record Result(
            TeamPredictor model,
            double weight,
            int heldOut,
            double rules,
            Holdout.Score bayes,
            Holdout.Score linear,
            double linearC) {
        Holdout.Score chosen() {
            return model.kind() == TeamPredictor.ModelKind.LINEAR ? linear : bayes;
        }
    }

    private ModelChoice() {}

    /** Needs at least two teams and a few dozen examples, oldest first. */
    static Result choose(List<TeamClassifier.Example> examples, OwnershipMatcher rules) {
        int n = examples.size();
        var teach = examples.subList(0, (int) (n * 0.7));
        var tune = examples.subList((int) (n * 0.7), (int) (n * 0.8));
        var learn = examples.subList(0, (int) (n * 0.8));
        var test = examples.subList((int) (n * 0.8), n);
        double bayesWeight = Holdout.bestWeight(TeamClassifier.train(teach), rules, tune);
        var bayes = Holdout.score(TeamClassifier.train(learn), rules, test, bayesWeight);
        var tuned = LinearTeamClassifier.tune(teach, tune, LOSS);
        double linearWeight = Holdout.bestWeight(tuned.model(), rules, tune);
        var linear = Holdout.score(
                LinearTeamClassifier.train(learn, LOSS, tuned.c(), tuned.scale()), rules, test, linearWeight);
        boolean useLinear = linear.beats(bayes);
        TeamPredictor model = useLinear
                ? LinearTeamClassifier.train(examples, LOSS, tuned.c(), tuned.scale())
                : TeamClassifier.train(examples);
        return new Result(
                model,
                useLinear ? linearWeight : bayesWeight,
                test.size(),
                Holdout.rulesAlone(rules, test),
                bayes,
                linear,
                tuned.c());
    }
}
