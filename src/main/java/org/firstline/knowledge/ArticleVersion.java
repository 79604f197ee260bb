package org.firstline.knowledge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One saved version of an article, as it was saved. */
public record ArticleVersion(
        long articleId,
        int version,
        String title,
        String body,
        Visibility visibility,
        @Nullable Long categoryId,
        @Nullable String categoryName,
        long editedById,
        String editedByName,
        Instant editedAt) {}
