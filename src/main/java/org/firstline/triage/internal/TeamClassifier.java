package org.firstline.triage.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A multinomial naive Bayes model of which team past tickets went to, over the words and word pairs of their subject
 * (counted twice: subjects are written to say what it is about) and first message. Naive Bayes is certain of itself
 * far beyond its accuracy, so its log scores are tempered by the square root of the ticket's length before they become
 * shares, which keeps them comparable with the ownership map's shares when the two are combined.
 */
public final class TeamClassifier implements TeamPredictor {
    private final long[] teams;
    private final Map<String, Integer> vocabulary;
    private final double[] logPrior;
    private final float[][] logLikelihood; // [team][word]
    private final double[] logUnseen; // per team, for a word never seen in training
    private final int examples;

    private TeamClassifier(
            long[] teams,
            Map<String, Integer> vocabulary,
            double[] logPrior,
            float[][] logLikelihood,
            double[] logUnseen,
            int examples) {
        this.teams = teams;
        this.vocabulary = vocabulary;
        this.logPrior = logPrior;
        this.logLikelihood = logLikelihood;
        this.logUnseen = logUnseen;
        this.examples = examples;
    }

    public record Example(String subject, String body, long teamId) {}

    /** A team with its share of the model's belief and the ticket's words that speak most for it. */
    public record Prediction(long teamId, double share, List<String> words) {}

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
        return ModelKind.NAIVE_BAYES;
    }

    public static TeamClassifier train(List<Example> examples) {
        long[] teams =
                examples.stream().mapToLong(Example::teamId).distinct().sorted().toArray();
        var teamIndex = new HashMap<Long, Integer>();
        for (int i = 0; i < teams.length; i++) teamIndex.put(teams[i], i);
        var vocabulary = new HashMap<String, Integer>();
        var counts = new ArrayList<int[]>(); // per word, per team
        int[] docs = new int[teams.length];
        long[] totals = new long[teams.length];
        for (Example e : examples) {
            int t = Objects.requireNonNull(teamIndex.get(e.teamId()), "teams come from the examples");
            docs[t]++;
            for (String f : features(Words.of(e.subject()), Words.of(e.body()))) {
                int w = vocabulary.computeIfAbsent(f, k -> {
                    counts.add(new int[teams.length]);
                    return counts.size() - 1;
                });
                counts.get(w)[t]++;
                totals[t]++;
            }
        }
        int v = vocabulary.size();
        float[][] logLikelihood = new float[teams.length][v];
        double[] logUnseen = new double[teams.length];
        double[] logPrior = new double[teams.length];
        for (int t = 0; t < teams.length; t++) {
            double denominator = totals[t] + (double) v + 1;
            for (int w = 0; w < v; w++) {
                logLikelihood[t][w] = (float) Math.log((counts.get(w)[t] + 1.0) / denominator);
            }
            logUnseen[t] = Math.log(1.0 / denominator);
            logPrior[t] = Math.log((docs[t] + 1.0) / (examples.size() + teams.length));
        }
        return new TeamClassifier(teams, Map.copyOf(vocabulary), logPrior, logLikelihood, logUnseen, examples.size());
    }

    @Override
    public List<Prediction> predict(String subject, String body) {
        return predict(subject, body, 3);
    }

    @Override
    public List<Prediction> shares(String subject, String body) {
        return predict(subject, body, 0);
    }

    private List<Prediction> predict(String subject, String body, int explained) {
        if (teams.length == 0) return List.of();
        List<String> subjectWords = Words.of(TextBudget.MODELS.clip(subject));
        List<String> features = features(subjectWords, Words.of(TextBudget.MODELS.clip(body)));
        double[] score = logPrior.clone();
        int[] known = new int[features.size()];
        int n = 0;
        for (String f : features) {
            Integer w = vocabulary.get(f);
            if (w != null) known[n++] = w;
        }
        for (int t = 0; t < teams.length; t++) {
            for (int i = 0; i < n; i++) score[t] += logLikelihood[t][known[i]];
        }
        double temper = Math.max(1, Math.sqrt(n));
        double max = Arrays.stream(score).max().orElse(0);
        double sum = 0;
        double[] share = new double[teams.length];
        for (int t = 0; t < teams.length; t++) {
            share[t] = Math.exp((score[t] - max) / temper);
            sum += share[t];
        }
        var predictions = new ArrayList<Prediction>(teams.length);
        for (int t = 0; t < teams.length; t++) {
            predictions.add(new Prediction(teams[t], share[t] / sum, List.of()));
        }
        predictions.sort(Comparator.comparingDouble(Prediction::share).reversed());
        for (int i = 0; i < Math.min(explained, predictions.size()); i++) {
            Prediction p = predictions.get(i);
            predictions.set(i, new Prediction(p.teamId(), p.share(), telling(features, indexOf(p.teamId()))));
        }
        return predictions;
    }

    /** The single words of the ticket that are most typical of this team compared with the others. */
    private List<String> telling(List<String> features, int team) {
        var lift = new LinkedHashMap<String, Double>();
        for (String f : features) {
            if (f.indexOf(' ') >= 0 || lift.containsKey(f)) continue;
            Integer w = vocabulary.get(f);
            if (w == null) continue;
            double others = 0;
            for (int t = 0; t < teams.length; t++) if (t != team) others += Math.exp(logLikelihood[t][w]);
            others = teams.length > 1 ? others / (teams.length - 1) : Math.exp(logUnseen[team]);
            double value = logLikelihood[team][w] - Math.log(others);
            if (value > 1.0) lift.put(f, value);
        }
        return lift.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5)
                .map(Map.Entry::getKey)
                .toList();
    }

    private int indexOf(long teamId) {
        for (int t = 0; t < teams.length; t++) if (teams[t] == teamId) return t;
        return -1;
    }

    static List<String> features(List<String> subject, List<String> body) {
        var features = new ArrayList<String>(subject.size() * 4 + body.size() * 2);
        for (int pass = 0; pass < 2; pass++) {
            features.addAll(subject);
            for (int i = 1; i < subject.size(); i++) features.add(subject.get(i - 1) + " " + subject.get(i));
        }
        int limit = Math.min(body.size(), 400);
        for (int i = 0; i < limit; i++) {
            features.add(body.get(i));
            if (i > 0) features.add(body.get(i - 1) + " " + body.get(i));
        }
        return features;
    }
}
