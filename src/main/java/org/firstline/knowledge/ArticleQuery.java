package org.firstline.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * What to look for: {@code q} in the tickets' search syntax (words, "a phrase", -without, or), best match first;
 * without {@code q}, the most recently updated first. {@code customers} limits to what customers may read (public, not
 * archived) whatever else is asked.
 */
public record ArticleQuery(
        @Nullable String q,
        @Nullable Long categoryId,
        @Nullable Visibility visibility,
        boolean archived,
        boolean customers) {

    public static ArticleQuery forCustomers(@Nullable String q, @Nullable Long categoryId) {
        return new ArticleQuery(q, categoryId, Visibility.PUBLIC, false, true);
    }

    public static ArticleQuery forAgents(@Nullable String q, @Nullable Long categoryId) {
        return new ArticleQuery(q, categoryId, null, false, false);
    }

    public boolean searching() {
        return q != null && !q.isBlank();
    }
}
