package org.firstline.knowledge;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up words no other test writes, that English stemming leaves as they are (consonants only, no final s). */
final class Words {
    private static final String LETTERS = "bcdfghjklmnpqrtvwxz";

    private Words() {}

    static String unique() {
        var sb = new StringBuilder("zq");
        var random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        return sb.toString();
    }
}
