package org.firstline.triage.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits ticket text into the words the ownership map and the classifier compare: lower case, accents kept, common
 * English words dropped, and a light suffix trim so "certificates" meets "certificate" and "failing" meets "fails".
 */
public final class Words {
    private static final Set<String> STOP = Set.of(
            "a",
            "about",
            "after",
            "again",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "as",
            "at",
            "be",
            "been",
            "before",
            "but",
            "by",
            "can",
            "could",
            "did",
            "do",
            "does",
            "for",
            "from",
            "get",
            "had",
            "has",
            "have",
            "he",
            "her",
            "hi",
            "his",
            "how",
            "i",
            "if",
            "in",
            "into",
            "is",
            "it",
            "its",
            "just",
            "me",
            "my",
            "no",
            "not",
            "now",
            "of",
            "on",
            "or",
            "our",
            "out",
            "please",
            "she",
            "so",
            "some",
            "than",
            "thank",
            "thanks",
            "that",
            "the",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "to",
            "up",
            "us",
            "was",
            "we",
            "were",
            "what",
            "when",
            "where",
            "which",
            "who",
            "why",
            "will",
            "with",
            "would",
            "you",
            "your",
            "re",
            "fw",
            "fwd",
            "hello",
            "regards",
            "best",
            "dear",
            "since",
            "still",
            "very",
            "only",
            "one",
            "yesterday",
            "today");
    /** Long enough for any ticket's meaning; the rest of a pasted log adds noise and time. */
    static final int MAX_CHARS = 20_000;

    private Words() {}

    /** The words of a text, in order, stop words dropped and suffixes trimmed. */
    public static List<String> of(String text) {
        var words = new ArrayList<String>();
        if (text == null) return words;
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean letter = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                add(words, s.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** For each word of the text, as {@link #of} returns it, the form it had in the text: what people should read. */
    public static java.util.Map<String, String> surfaceForms(String text) {
        var forms = new java.util.HashMap<String, String>();
        if (text == null) return forms;
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        for (String raw : Normalizer.normalize(s, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{N}]+")) {
            var one = new ArrayList<String>(1);
            add(one, raw);
            if (!one.isEmpty()) forms.putIfAbsent(one.get(0), raw);
        }
        return forms;
    }

    private static void add(List<String> words, String word) {
        if (word.length() < 2 || word.length() > 40 || STOP.contains(word)) return;
        if (word.chars().allMatch(Character::isDigit) && word.length() > 4) return; // ids, timestamps
        words.add(stem(word));
    }

    /** A deliberately small stemmer: plural and verb endings only, never below four letters. */
    public static String stem(String word) {
        String w = word;
        if (w.length() > 5 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (w.length() > 5 && w.endsWith("ing")) w = w.substring(0, w.length() - 3);
        else if (w.length() > 4 && w.endsWith("ed")) w = w.substring(0, w.length() - 2);
        else if (w.length() > 4
                && w.endsWith("es")
                && (w.endsWith("ses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")))
            w = w.substring(0, w.length() - 2);
        else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us"))
            w = w.substring(0, w.length() - 1);
        if (w.length() > 4 && w.endsWith("e")) w = w.substring(0, w.length() - 1);
        return w;
    }
}
