package org.firstline.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.firstline.knowledge.ArticleForm;
import org.firstline.knowledge.ArticlePage;
import org.firstline.knowledge.ArticleQuery;
import org.firstline.knowledge.ArticleVersion;
import org.firstline.knowledge.ArticleView;
import org.firstline.knowledge.Articles;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Articles over JSON: every agent reads, internal ones included; agents who may write change them. */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Knowledge base", description = "Markdown articles, public or internal, with their versions")
class ArticlesApiController {
    private final Articles articles;

    ArticlesApiController(Articles articles) {
        this.articles = articles;
    }

    @GetMapping
    @Operation(summary = "Articles, best match first when searching (q in the tickets' syntax), else newest first")
    ArticlePage list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long category,
            @RequestParam(required = false) @Nullable Visibility visibility,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) throw new InvalidRequestException("limit", "must be between 1 and 100");
        if (q != null && q.length() > 500) throw new InvalidRequestException("q", "must be at most 500 characters");
        return articles.search(new ArticleQuery(q, category, visibility, archived, false), cursor, limit);
    }

    @PostMapping
    @Operation(summary = "Writes a new article (version 1)")
    ResponseEntity<ArticleView> create(@RequestBody ArticleForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        var article = articles.create(form, agent);
        return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
                .body(article);
    }

    @GetMapping("/{id}")
    ArticleView get(@PathVariable long id) {
        return articles.get(id);
    }

    @GetMapping("/by-slug/{slug}")
    ArticleView bySlug(@PathVariable String slug) {
        return articles.bySlug(slug);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Saves a new version; 409 when the version named is not the newest")
    ArticleView update(
            @PathVariable long id, @RequestBody ArticleForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        return articles.update(id, form, agent);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archives the article: off searches and the public page, history kept")
    void archive(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        articles.archive(id, agent);
    }

    @PostMapping("/{id}/restore")
    ArticleView restore(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return articles.restore(id, agent);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every saved version, newest first")
    Map<String, List<ArticleVersion>> versions(@PathVariable long id) {
        return Map.of("items", articles.versions(id));
    }

    @GetMapping("/{id}/versions/{version}")
    ArticleVersion version(@PathVariable long id, @PathVariable int version) {
        return articles.version(id, version);
    }
}
