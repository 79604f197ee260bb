package org.firstline.knowledge.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.firstline.knowledge.ArticleCategories;
import org.firstline.knowledge.ArticlePage;
import org.firstline.knowledge.ArticleQuery;
import org.firstline.knowledge.Articles;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MarkdownRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The knowledge base as customers read it, without signing in: public articles that are not archived, and nothing
 * else. An internal or archived article's address answers exactly like one that never existed, so its title never
 * shows.
 */
@Controller
class PublicKnowledgeController {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final int PAGE = 20;

    private final Articles articles;
    private final ArticleCategories categories;
    private final MarkdownRenderer markdown;

    PublicKnowledgeController(Articles articles, ArticleCategories categories, MarkdownRenderer markdown) {
        this.articles = articles;
        this.categories = categories;
        this.markdown = markdown;
    }

    @GetMapping("/kb")
    String index(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) query = query.substring(0, 200);
        Long categoryId = number(category);
        var all = categories.forCustomers();
        var chosen = all.stream()
                .filter(c -> categoryId != null && c.id() == categoryId)
                .findFirst();
        ArticlePage page;
        try {
            page = articles.search(
                    ArticleQuery.forCustomers(query, chosen.isPresent() ? categoryId : null), cursor, PAGE);
        } catch (InvalidRequestException e) {
            // a cursor typed by hand: the first page instead of an error
            page = articles.search(
                    ArticleQuery.forCustomers(query, chosen.isPresent() ? categoryId : null), null, PAGE);
        }
        model.addAttribute("q", query);
        model.addAttribute("categories", all);
        model.addAttribute("category", chosen.orElse(null));
        model.addAttribute("page", page);
        return "knowledge/public-index";
    }

    @GetMapping("/kb/{slug}")
    String article(@PathVariable String slug, Model model, HttpServletResponse response) {
        var found = slug.length() <= 120
                ? articles.forCustomers(slug)
                : java.util.Optional.<org.firstline.knowledge.ArticleView>empty();
        if (found.isEmpty()) {
            response.setStatus(404);
            return "knowledge/public-missing";
        }
        var article = found.get();
        model.addAttribute("article", article);
        model.addAttribute("html", markdown.html(article.body()));
        model.addAttribute("updated", DAY.format(article.updatedAt().atZone(ZoneOffset.UTC)));
        return "knowledge/public-article";
    }

    private static @Nullable Long number(@Nullable String value) {
        if (value == null || !value.matches("\\d{1,18}")) return null;
        return Long.valueOf(value);
    }
}
