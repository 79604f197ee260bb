package org.firstline.knowledge.web;

import org.firstline.knowledge.ArticleCategories;
import org.firstline.knowledge.ArticlePage;
import org.firstline.knowledge.ArticleQuery;
import org.firstline.knowledge.Articles;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MarkdownRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The knowledge base for agents: search and browse every article, read one, and look back through its versions. */
@Controller
class KnowledgePagesController {
    private static final int PAGE = 25;

    private final Articles articles;
    private final ArticleCategories categories;
    private final MarkdownRenderer markdown;

    KnowledgePagesController(Articles articles, ArticleCategories categories, MarkdownRenderer markdown) {
        this.articles = articles;
        this.categories = categories;
        this.markdown = markdown;
    }

    @GetMapping("/knowledge")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long category,
            @RequestParam(required = false) @Nullable Visibility visibility,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 500) throw new InvalidRequestException("q", "must be at most 500 characters");
        ArticlePage page =
                articles.search(new ArticleQuery(query, category, visibility, archived, false), cursor, PAGE);
        model.addAttribute("section", "knowledge");
        model.addAttribute("q", query);
        model.addAttribute("category", category);
        model.addAttribute("visibility", visibility);
        model.addAttribute("archived", archived);
        model.addAttribute("categories", categories.list());
        model.addAttribute("page", page);
        return "knowledge/list";
    }

    @GetMapping("/knowledge/{id}")
    String article(@PathVariable long id, Model model) {
        var article = articles.get(id);
        model.addAttribute("section", "knowledge");
        model.addAttribute("article", article);
        model.addAttribute("html", markdown.html(article.body()));
        return "knowledge/article";
    }

    @GetMapping("/knowledge/{id}/history")
    String history(@PathVariable long id, Model model) {
        model.addAttribute("section", "knowledge");
        model.addAttribute("article", articles.get(id));
        model.addAttribute("versions", articles.versions(id));
        return "knowledge/history";
    }

    @GetMapping("/knowledge/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, Model model) {
        var saved = articles.version(id, version);
        model.addAttribute("section", "knowledge");
        model.addAttribute("article", articles.get(id));
        model.addAttribute("saved", saved);
        model.addAttribute("html", markdown.html(saved.body()));
        return "knowledge/version";
    }
}
