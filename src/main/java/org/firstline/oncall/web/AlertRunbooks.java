package org.firstline.oncall.web;

import java.net.URI;
import java.util.Optional;
import org.firstline.knowledge.ArticleView;
import org.firstline.knowledge.Articles;
import org.firstline.platform.FirstlineSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A runbook that is an article of this desk's knowledge base ({@code <public-url>/kb/<slug>}) is shown by its title. */
@Component
class AlertRunbooks {
    private final Articles articles;
    private final FirstlineSettings settings;

    AlertRunbooks(Articles articles, FirstlineSettings settings) {
        this.articles = articles;
        this.settings = settings;
    }

    Optional<String> articleTitle(@Nullable String runbookUrl) {
        if (runbookUrl == null) return Optional.empty();
        String base = settings.publicUrl().replaceAll("/+$", "") + "/kb/";
        if (!runbookUrl.startsWith(base)) return Optional.empty();
        try {
            String path = URI.create(runbookUrl).getPath();
            String slug = path.substring(path.indexOf("/kb/") + 4).replaceAll("/+$", "");
            if (slug.isEmpty() || slug.contains("/")) return Optional.empty();
            return articles.forCustomers(slug).map(ArticleView::title);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
