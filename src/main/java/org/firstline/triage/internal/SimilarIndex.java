package org.firstline.triage.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Resolved tickets as TF-IDF vectors over the words of their subject (counted twice) and first message, with an
 * inverted index: the most similar to a new ticket are found by walking only the postings of its own words, a few
 * thousand entries, instead of ranking every full-text match in the database.
 */
public final class SimilarIndex {
    public record Entry(long id, String subject, String body) {}

    public record Match(long id, double similarity) {}

    private static final int[] NONE = {};

    private final long[] ids;
    private final float[] norms;
    private final Map<String, int[]> postingDocs;
    private final Map<String, float[]> postingWeights;
    private final Map<String, Double> idf;

    private SimilarIndex(
            long[] ids,
            float[] norms,
            Map<String, int[]> postingDocs,
            Map<String, float[]> postingWeights,
            Map<String, Double> idf) {
        this.ids = ids;
        this.norms = norms;
        this.postingDocs = postingDocs;
        this.postingWeights = postingWeights;
        this.idf = idf;
    }

    public static SimilarIndex empty() {
        return build(List.of());
    }

    public int size() {
        return ids.length;
    }

    public static SimilarIndex build(List<Entry> entries) {
        // words as numbers and each document as two small arrays: a rebuild of 50,000 documents needs tens of
        // megabytes on top of the index it replaces, not the hundreds that maps and boxed postings took
        int n = entries.size();
        Map<String, Integer> vocabulary = new HashMap<>();
        int[][] docTerms = new int[n][];
        int[][] docCounts = new int[n][];
        int[] df = new int[1024];
        for (int i = 0; i < n; i++) {
            Map<String, Integer> tf =
                    termFrequencies(entries.get(i).subject(), entries.get(i).body());
            int[] terms = new int[tf.size()];
            int[] counts = new int[tf.size()];
            int k = 0;
            for (var t : tf.entrySet()) {
                int term = vocabulary.computeIfAbsent(t.getKey(), w -> vocabulary.size());
                if (term == df.length) df = Arrays.copyOf(df, df.length * 2);
                df[term]++;
                terms[k] = term;
                counts[k++] = t.getValue();
            }
            docTerms[i] = terms;
            docCounts[i] = counts;
        }
        int words = vocabulary.size();
        double[] termIdf = new double[words];
        int[][] docsOf = new int[words][];
        float[][] weightsOf = new float[words][];
        for (int term = 0; term < words; term++) {
            termIdf[term] = Math.log(1.0 + (double) n / df[term]);
            docsOf[term] = new int[df[term]];
            weightsOf[term] = new float[df[term]];
        }
        int[] filled = new int[words];
        long[] ids = new long[n];
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            ids[i] = entries.get(i).id();
            double norm = 0;
            for (int k = 0; k < docTerms[i].length; k++) {
                int term = docTerms[i][k];
                double w = (1 + Math.log(docCounts[i][k])) * termIdf[term];
                norm += w * w;
                docsOf[term][filled[term]] = i;
                weightsOf[term][filled[term]++] = (float) w;
            }
            docTerms[i] = NONE; // done with: let it go while the postings fill
            docCounts[i] = NONE;
            norms[i] = (float) Math.sqrt(norm);
        }
        Map<String, int[]> postingDocs = HashMap.newHashMap(words);
        Map<String, float[]> postingWeights = HashMap.newHashMap(words);
        Map<String, Double> idf = HashMap.newHashMap(words);
        vocabulary.forEach((w, term) -> {
            postingDocs.put(w, docsOf[term]);
            postingWeights.put(w, weightsOf[term]);
            idf.put(w, termIdf[term]);
        });
        return new SimilarIndex(ids, norms, postingDocs, postingWeights, idf);
    }

    /** The most similar entries, best first, leaving out {@code excludeId}; cosine similarity from 0 to 1. */
    public List<Match> query(String subject, String body, long excludeId, int limit) {
        if (ids.length == 0) return List.of();
        Map<String, Integer> tf = termFrequencies(subject, body);
        double[] dots = new double[ids.length];
        int[] touched = new int[Math.min(ids.length, 1 << 16)];
        int touchedCount = 0;
        boolean overflow = false;
        double queryNorm = 0;
        for (var t : tf.entrySet()) {
            Double wordIdf = idf.get(t.getKey());
            if (wordIdf == null) continue;
            double qw = (1 + Math.log(t.getValue())) * wordIdf;
            queryNorm += qw * qw;
            // a word with an idf has postings
            int[] d = Objects.requireNonNull(postingDocs.get(t.getKey()));
            float[] f = Objects.requireNonNull(postingWeights.get(t.getKey()));
            for (int k = 0; k < d.length; k++) {
                if (dots[d[k]] == 0) {
                    if (touchedCount < touched.length) touched[touchedCount++] = d[k];
                    else overflow = true;
                }
                dots[d[k]] += qw * f[k];
            }
        }
        if (queryNorm == 0) return List.of();
        double qn = Math.sqrt(queryNorm);
        // keep the best few in a small sorted buffer instead of sorting every touched document
        var best = new java.util.PriorityQueue<Match>((a, b) -> a.similarity() != b.similarity()
                ? Double.compare(a.similarity(), b.similarity())
                : Long.compare(a.id(), b.id()));
        int candidates = overflow ? ids.length : touchedCount;
        for (int i = 0; i < candidates; i++) {
            int doc = overflow ? i : touched[i];
            if (dots[doc] == 0 || ids[doc] == excludeId || norms[doc] == 0) continue;
            best.add(new Match(ids[doc], dots[doc] / (qn * norms[doc])));
            if (best.size() > limit) best.poll();
        }
        var matches = new ArrayList<>(best);
        matches.sort((a, b) -> a.similarity() != b.similarity()
                ? Double.compare(b.similarity(), a.similarity())
                : Long.compare(b.id(), a.id()));
        return List.copyOf(matches);
    }

    private static Map<String, Integer> termFrequencies(String subject, String body) {
        Map<String, Integer> tf = new HashMap<>();
        // clipped before splitting: a new ticket's megabyte of pasted log costs no more than the words used
        for (String w : Words.of(TextBudget.MODELS.clip(subject))) tf.merge(w, 2, Integer::sum);
        List<String> bodyWords = Words.of(TextBudget.MODELS.clip(body));
        for (String w : bodyWords.subList(0, Math.min(bodyWords.size(), 300))) tf.merge(w, 1, Integer::sum);
        return tf;
    }

    @Override
    public String toString() {
        return "SimilarIndex" + Arrays.toString(new int[] {ids.length, postingDocs.size()});
    }
}
