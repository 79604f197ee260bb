package org.firstline.triage.internal;

/**
 * How much ticket text the in-memory models read. They are bounded by rows (the newest 50,000 tickets), but one
 * first message can be megabytes of pasted logs: each text is cut to {@code perText} characters, which keeps every
 * word the models look at (they read the first few hundred), and a load stops after {@code total} characters: the
 * queries add up the clipped lengths, newest first, so the database never sends more.
 */
record TextBudget(int perText, long total) {
    /**
     * 4,000 characters a text, more than the 300 to 400 words the models read; 64 million in all, room for 50,000
     * tickets of 1,300 characters on average (most first messages are shorter) and at most some 64 MB of Latin text.
     */
    static final TextBudget MODELS = new TextBudget(4_000, 64_000_000L);

    TextBudget {
        if (perText <= 0 || total < perText) throw new IllegalArgumentException("a budget holds at least one text");
    }

    /** The text's first {@code perText} characters, never ending in half a surrogate pair. */
    String clip(String text) {
        if (text == null || text.length() <= perText) return text;
        int end = Character.isHighSurrogate(text.charAt(perText - 1)) ? perText - 1 : perText;
        return text.substring(0, end);
    }
}
