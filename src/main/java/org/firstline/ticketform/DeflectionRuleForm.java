package org.firstline.ticketform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deflection rule as an admin writes it; checked by the service (problem+json names the field). With
 * {@code articleId}, an ARTICLE rule takes the article's public address (and its title when none is given).
 */
public record DeflectionRuleForm(
        @Nullable List<String> phrases,
        DeflectionRule.@Nullable Kind kind,
        @Nullable String title,
        @Nullable String url,
        @Nullable Long articleId) {

    public DeflectionRuleForm(
            @Nullable List<String> phrases,
            DeflectionRule.@Nullable Kind kind,
            @Nullable String title,
            @Nullable String url) {
        this(phrases, kind, title, url, null);
    }
}
