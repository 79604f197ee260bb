package org.firstline.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * An article as an agent writes it. {@code slug} may be chosen once, when the article is made (else it comes from the
 * title); {@code version} is the version the edit started from, required to update, so a save over someone else's
 * newer edit is refused instead of losing it.
 */
public record ArticleForm(
        @Nullable String title,
        @Nullable String body,
        @Nullable Visibility visibility,
        @Nullable Long categoryId,
        @Nullable String slug,
        @Nullable Integer version) {}
