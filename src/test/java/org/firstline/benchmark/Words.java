package org.firstline.benchmark;

import java.util.Random;

/** A vocabulary of made-up but pronounceable words with a Zipf-like spread, so some are common and most are rare. */
final class Words {
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "do", "pe", "zu", "ha", "ri", "mo", "ta", "gu"
    };
    private final String[] words;

    Words(int size) {
        words = new String[size];
        var random = new Random(7);
        for (int i = 0; i < size; i++) {
            var sb = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            words[i] = sb.append(i).toString();
        }
    }

    /** Word of rank r (0 is the most common). */
    String word(int rank) {
        return words[rank];
    }

    String sentence(Random random, int length) {
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) sb.append(' ');
            // squaring a uniform number skews towards low ranks: a few common words, a long tail of rare ones
            double u = random.nextDouble();
            sb.append(words[(int) (u * u * u * words.length)]);
        }
        return sb.toString();
    }
}
