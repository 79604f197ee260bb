package org.firstline.knowledge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An article as it stands now. {@code publicUrl} is where customers read it, only while it is public and not archived;
 * {@code agentUrl} is its page for agents.
 */
public record ArticleView(
        long id,
        String slug,
        String title,
        String body,
        Visibility visibility,
        @Nullable Long categoryId,
        @Nullable String categoryName,
        long authorId,
        String authorName,
        long updatedById,
        String updatedByName,
        Instant createdAt,
        Instant updatedAt,
        int version,
        boolean archived,
        @Nullable String publicUrl,
        String agentUrl) {}
