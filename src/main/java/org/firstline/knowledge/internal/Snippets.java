package org.firstline.knowledge.internal;

/**
 * A snippet as plain words: the Markdown marks around them (headings, emphasis, code ticks, link addresses) are noise
 * in a one-line preview. Pages show it as text, so nothing in it is ever markup.
 */
final class Snippets {
    static final int MAX = 240;

    private Snippets() {}

    static String plain(String markdown) {
        String text = markdown.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+", "")
                .replaceAll("[*_`~|]+", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() <= MAX) return text;
        int cut = text.lastIndexOf(' ', MAX);
        return text.substring(0, cut > MAX / 2 ? cut : MAX) + " …";
    }
}
