package org.firstline.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of articles; {@code nextCursor} is null on the last page. */
public record ArticlePage(
        List<ArticleSummary> items, @Nullable String nextCursor) {}
