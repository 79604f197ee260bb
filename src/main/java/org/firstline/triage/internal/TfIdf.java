package org.firstline.triage.internal;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Past tickets as rows for liblinear: per word or pair, 1 + ln(count) times its inverse document frequency
 * (ln((1 + n) / (1 + tickets with it)) + 1), each row scaled to length one so a long ticket does not outweigh a short
 * one. Words and pairs found in fewer than {@link LinearTeamClassifier#MIN_TICKETS} tickets are left out.
 */
@SuppressWarnings("ArrayRecordComponent") // a training matrix, never compared or hashed
record TfIdf(long[] teams, String[] words, float[] idf, Feature[][] rows, double[] labels) {
    /** About 32 bytes each while training: 4 million is some 130 MB, typically 30,000 or more tickets. */
    static final long MAX_NONZEROS = 4_000_000;

    /**
     * Rows for the newest examples whose non-zero entries fit {@link #MAX_NONZEROS}, so training stays within about a
     * hundred megabytes however long the tickets; the vocabulary and frequencies come from all of them. Rows come
     * back oldest first.
     */
    static TfIdf fit(List<TeamClassifier.Example> examples) {
        long[] teams = examples.stream()
                .mapToLong(TeamClassifier.Example::teamId)
                .distinct()
                .sorted()
                .toArray();
        var tickets = new HashMap<String, int[]>();
        for (var e : examples) {
            for (String f : new HashSet<>(features(e))) tickets.computeIfAbsent(f, k -> new int[1])[0]++;
        }
        String[] words = tickets.entrySet().stream()
                .filter(e -> e.getValue()[0] >= LinearTeamClassifier.MIN_TICKETS)
                .map(Map.Entry::getKey)
                .sorted()
                .toArray(String[]::new);
        float[] idf = new float[words.length];
        var vocabulary = new HashMap<String, Integer>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            vocabulary.put(words[i], i);
            int with = java.util.Objects.requireNonNull(tickets.get(words[i]), "every word kept was counted")[0];
            idf[i] = (float) (Math.log((1.0 + examples.size()) / (1.0 + with)) + 1);
        }
        tickets.clear();
        var rows = new ArrayList<Feature[]>();
        var labels = new ArrayList<Double>();
        long nonZeros = 0;
        for (int i = examples.size() - 1; i >= 0 && nonZeros < MAX_NONZEROS; i--) {
            Feature[] row = vector(features(examples.get(i)), vocabulary, idf);
            nonZeros += row.length;
            rows.add(row);
            labels.add((double) Arrays.binarySearch(teams, examples.get(i).teamId()));
        }
        java.util.Collections.reverse(rows);
        java.util.Collections.reverse(labels);
        return new TfIdf(
                teams,
                words,
                idf,
                rows.toArray(Feature[][]::new),
                labels.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<String> features(TeamClassifier.Example e) {
        return TeamClassifier.features(
                Words.of(TextBudget.MODELS.clip(e.subject())), Words.of(TextBudget.MODELS.clip(e.body())));
    }

    /** One ticket's row: known words only, indexes from 1 and ascending as liblinear wants them. */
    static Feature[] vector(List<String> features, Map<String, Integer> vocabulary, float[] idf) {
        var counts = new HashMap<Integer, Integer>();
        for (String f : features) {
            Integer index = vocabulary.get(f);
            if (index != null) counts.merge(index, 1, Integer::sum);
        }
        int[] indexes =
                counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] values = new double[indexes.length];
        double norm = 0;
        for (int i = 0; i < indexes.length; i++) {
            values[i] =
                    (1 + Math.log(java.util.Objects.requireNonNull(counts.get(indexes[i]), "indexes come from counts")))
                            * idf[indexes[i]];
            norm += values[i] * values[i];
        }
        norm = Math.sqrt(norm);
        Feature[] row = new Feature[indexes.length];
        for (int i = 0; i < indexes.length; i++) row[i] = new FeatureNode(indexes[i] + 1, values[i] / norm);
        return row;
    }
}
