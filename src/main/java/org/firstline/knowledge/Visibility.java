package org.firstline.knowledge;

/** Who may read an article: everyone at /kb, or signed-in agents only. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
