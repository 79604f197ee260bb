package org.firstline.ticketform;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Words or phrases that, typed into the public form, suggest something to read (an article) or a tool to try (a
 * link whose address is filled from the form: {@code {domain}}, {@code {email}}, {@code {subject}}). An article rule
 * may link a knowledge base article ({@code articleId}); its {@code url} is then the article's public address.
 */
public record DeflectionRule(
        long id,
        List<String> phrases,
        Kind kind,
        String title,
        String url,
        @Nullable Long articleId,
        Instant createdAt,
        Instant updatedAt) {

    public enum Kind {
        ARTICLE,
        TOOL
    }
}
