package org.firstline.knowledge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One search hit or list row: the article without its body, and a short plain-text snippet around the match. */
public record ArticleSummary(
        long id,
        String slug,
        String title,
        Visibility visibility,
        @Nullable Long categoryId,
        @Nullable String categoryName,
        Instant updatedAt,
        boolean archived,
        String snippet,
        @Nullable String publicUrl,
        String agentUrl) {}
