package org.firstline.triage.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * A linear model of which team past tickets went to (one-vs-rest, L2-regularised, liblinear's dual coordinate descent)
 * over the sublinear TF-IDF of the same words and word pairs naive Bayes reads, subject counted twice, each ticket's
 * vector scaled to length one. Unlike naive Bayes it does not count a word again for every word that always comes with
 * it, which is what repeated phrases, signatures and templates do to a support desk's text. A suggestion is a sparse
 * dot product per team; training happens in the background only.
 */
public final class LinearTeamClassifier implements TeamPredictor {
    /** How the model is fitted; both give a score per team, turned into shares as each suits. */
    public enum Loss {
        /** Logistic regression: the teams' sigmoids, normalised, as liblinear's own probabilities. */
        LOGISTIC(SolverType.L2R_LR_DUAL),
        /** L2-loss linear SVM: a softmax over the margins, its temperature tuned with C. */
        SVM(SolverType.L2R_L2LOSS_SVC_DUAL);

        final SolverType solver;

        Loss(SolverType solver) {
            this.solver = solver;
        }
    }

    /** The regularisation strengths tried on the tuning tickets; liblinear's default 1 is in the middle. */
    static final double[] C_GRID = {0.25, 1, 4, 16};
    /** Softmax temperatures tried for SVM margins, which are about ±1 whatever the desk. */
    static final double[] SCALES = {1, 2, 4, 8, 16, 32};
    /** A word or pair seen in one ticket only says nothing about the next; leaving them out halves the vocabulary. */
    static final int MIN_TICKETS = 2;

    private static final long SEED = 20261130L;

    static {
        Linear.disableDebugOutput();
    }

    final Loss loss;
    final double c;
    final double scale;
    final long[] teams;
    final String[] words;
    final Map<String, Integer> vocabulary;
    final float[] idf;
    final float[] weights; // [feature * teams + team]
    final float[] bias;
    final int examples;

    LinearTeamClassifier(
            Loss loss,
            double c,
            double scale,
            long[] teams,
            String[] words,
            float[] idf,
            float[] weights,
            float[] bias,
            int examples) {
        this.loss = loss;
        this.c = c;
        this.scale = scale;
        this.teams = teams;
        this.words = words;
        this.vocabulary = index(words);
        this.idf = idf;
        this.weights = weights;
        this.bias = bias;
        this.examples = examples;
    }

    /** A model fitted with the strength (and softmax temperature) that did best on the tuning tickets. */
    public record Tuned(LinearTeamClassifier model, double c, double scale, double accuracy) {}

    public static LinearTeamClassifier train(List<TeamClassifier.Example> examples, Loss loss, double c, double scale) {
        return fit(TfIdf.fit(examples), loss, c, scale);
    }

    /**
     * Fits on {@code teach} once per strength in {@link #C_GRID} and keeps the one most accurate on {@code check}; for
     * the SVM, then the temperature under which its shares give the teams {@code check} really went to the most belief.
     */
    public static Tuned tune(List<TeamClassifier.Example> teach, List<TeamClassifier.Example> check, Loss loss) {
        var vectors = TfIdf.fit(teach);
        @Nullable Tuned best = null;
        for (double c : C_GRID) {
            var model = fit(vectors, loss, c, 1);
            int right = 0;
            for (var e : check) if (model.shares(e.subject(), e.body()).get(0).teamId() == e.teamId()) right++;
            double accuracy = check.isEmpty() ? 0 : right / (double) check.size();
            if (best == null || accuracy > best.accuracy()) best = new Tuned(model, c, 1, accuracy);
        }
        java.util.Objects.requireNonNull(best, "the grid of C values is not empty");
        if (loss == Loss.LOGISTIC || check.isEmpty()) return best;
        double bestScale = 1;
        double bestLoss = Double.MAX_VALUE;
        for (double scale : SCALES) {
            var scaled = best.model().withScale(scale);
            double logLoss = 0;
            for (var e : check) {
                double share = scaled.shares(e.subject(), e.body()).stream()
                        .filter(p -> p.teamId() == e.teamId())
                        .mapToDouble(TeamClassifier.Prediction::share)
                        .findFirst()
                        .orElse(0);
                logLoss -= Math.log(Math.max(share, 1e-9));
            }
            if (logLoss < bestLoss) {
                bestLoss = logLoss;
                bestScale = scale;
            }
        }
        return new Tuned(best.model().withScale(bestScale), best.c(), bestScale, best.accuracy());
    }

    private LinearTeamClassifier withScale(double newScale) {
        return new LinearTeamClassifier(loss, c, newScale, teams, words, idf, weights, bias, examples);
    }

    private static LinearTeamClassifier fit(TfIdf vectors, Loss loss, double c, double scale) {
        long[] teams = vectors.teams();
        int features = vectors.words().length;
        float[] weights = new float[features * teams.length];
        float[] bias = new float[teams.length];
        if (teams.length > 1) {
            var problem = new Problem();
            problem.l = vectors.rows().length;
            problem.n = features + 1;
            problem.x = vectors.rows();
            problem.y = vectors.labels();
            problem.bias = 1;
            var parameter = new Parameter(loss.solver, c, 0.1);
            parameter.setRandom(new Random(SEED)); // the same history gives every node the same model
            Model model = Linear.train(problem, parameter);
            int[] labels = model.getLabels();
            for (int l = 0; l < labels.length; l++) {
                int t = labels[l];
                for (int f = 0; f < features; f++)
                    weights[f * teams.length + t] = (float) model.getDecfunCoef(f + 1, l);
                bias[t] = (float) model.getDecfunBias(l);
            }
        }
        return new LinearTeamClassifier(
                loss, c, scale, teams, vectors.words(), vectors.idf(), weights, bias, vectors.rows().length);
    }

    public double c() {
        return c;
    }

    public Loss loss() {
        return loss;
    }

    public double scale() {
        return scale;
    }

    @Override
    public int examples() {
        return examples;
    }

    @Override
    public int teamCount() {
        return teams.length;
    }

    @Override
    public ModelKind kind() {
        return ModelKind.LINEAR;
    }

    @Override
    public List<TeamClassifier.Prediction> predict(String subject, String body) {
        return predict(subject, body, 3);
    }

    @Override
    public List<TeamClassifier.Prediction> shares(String subject, String body) {
        return predict(subject, body, 0);
    }

    private List<TeamClassifier.Prediction> predict(String subject, String body, int explained) {
        if (teams.length == 0) return List.of();
        var features = TeamClassifier.features(
                Words.of(TextBudget.MODELS.clip(subject)), Words.of(TextBudget.MODELS.clip(body)));
        Feature[] x = TfIdf.vector(features, vocabulary, idf);
        int t = teams.length;
        double[] score = new double[t];
        for (int i = 0; i < t; i++) score[i] = bias[i];
        for (Feature f : x) {
            int base = (f.getIndex() - 1) * t;
            double v = f.getValue();
            for (int i = 0; i < t; i++) score[i] += v * weights[base + i];
        }
        double[] share = shares(score);
        var predictions = new ArrayList<TeamClassifier.Prediction>(t);
        for (int i = 0; i < t; i++) predictions.add(new TeamClassifier.Prediction(teams[i], share[i], List.of()));
        predictions.sort(Comparator.comparingDouble(TeamClassifier.Prediction::share)
                .reversed()
                .thenComparingLong(TeamClassifier.Prediction::teamId));
        for (int i = 0; i < Math.min(explained, predictions.size()); i++) {
            var p = predictions.get(i);
            predictions.set(
                    i,
                    new TeamClassifier.Prediction(
                            p.teamId(), p.share(), telling(x, Arrays.binarySearch(teams, p.teamId()))));
        }
        return predictions;
    }

    private double[] shares(double[] score) {
        double[] share = new double[score.length];
        double sum = 0;
        if (loss == Loss.LOGISTIC) {
            for (int i = 0; i < score.length; i++) {
                share[i] = 1 / (1 + Math.exp(-score[i]));
                sum += share[i];
            }
        } else {
            double max = Arrays.stream(score).max().orElse(0);
            for (int i = 0; i < score.length; i++) {
                share[i] = Math.exp(scale * (score[i] - max));
                sum += share[i];
            }
        }
        for (int i = 0; i < score.length; i++) share[i] = sum > 0 ? share[i] / sum : 1.0 / score.length;
        return share;
    }

    /** The single words of the ticket that add most to this team's score. */
    private List<String> telling(Feature[] x, int team) {
        var contributions = new ArrayList<Map.Entry<String, Double>>();
        for (Feature f : x) {
            String word = words[f.getIndex() - 1];
            if (word.indexOf(' ') >= 0) continue;
            double value = f.getValue() * weights[(f.getIndex() - 1) * teams.length + team];
            if (value > 0) contributions.add(Map.entry(word, value));
        }
        double top =
                contributions.stream().mapToDouble(Map.Entry::getValue).max().orElse(0);
        return contributions.stream()
                .filter(e -> e.getValue() >= top / 10)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static Map<String, Integer> index(String[] words) {
        var vocabulary = new HashMap<String, Integer>(words.length * 2);
        for (int i = 0; i < words.length; i++) vocabulary.put(words[i], i);
        return vocabulary;
    }
}
