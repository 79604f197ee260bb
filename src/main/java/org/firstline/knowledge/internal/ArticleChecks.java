package org.firstline.knowledge.internal;

import java.text.Normalizer;
import java.util.Locale;
import org.firstline.knowledge.ArticleForm;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/** What an article must be before it is stored; refusals name the field. */
public final class ArticleChecks {
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 100_000;
    private static final int MAX_SLUG = 120;

    private ArticleChecks() {}

    /** The checked content of a form: title and body trimmed, visibility given. */
    public record Valid(
            String title,
            String body,
            Visibility visibility,
            @Nullable Long categoryId) {}

    public static Valid check(ArticleForm form) {
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty()) throw new InvalidRequestException("title", "is required");
        if (title.length() > MAX_TITLE) {
            throw new InvalidRequestException("title", "must be at most " + MAX_TITLE + " characters");
        }
        String body = form.body() == null ? "" : form.body().strip();
        if (body.isEmpty()) throw new InvalidRequestException("body", "is required");
        if (body.length() > MAX_BODY) {
            throw new InvalidRequestException("body", "must be at most " + MAX_BODY + " characters");
        }
        if (form.visibility() == null) {
            throw new InvalidRequestException("visibility", "is required: PUBLIC or INTERNAL");
        }
        return new Valid(title, body, form.visibility(), form.categoryId());
    }

    /** A chosen slug, checked; lower-case words and digits joined by hyphens. */
    public static String chosenSlug(String slug) {
        String s = slug.strip();
        if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidRequestException(
                    "slug", "must be lower-case letters and digits joined by single hyphens, like reset-your-password");
        }
        if (s.length() > MAX_SLUG)
            throw new InvalidRequestException("slug", "must be at most " + MAX_SLUG + " characters");
        return s;
    }

    /** A slug made from a title: "Reset your password (SSO)" → reset-your-password-sso. */
    public static String slugOf(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > 80) ascii = ascii.substring(0, 80).replaceAll("-+$", "");
        return ascii.isEmpty() ? "article" : ascii;
    }
}
