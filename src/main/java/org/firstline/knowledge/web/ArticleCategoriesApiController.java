package org.firstline.knowledge.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.firstline.knowledge.ArticleCategories;
import org.firstline.knowledge.CategoryForm;
import org.firstline.knowledge.CategoryView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge base's categories over JSON. */
@RestController
@RequestMapping("/api/v1/article-categories")
@Tag(name = "Knowledge base")
class ArticleCategoriesApiController {
    private final ArticleCategories categories;

    ArticleCategoriesApiController(ArticleCategories categories) {
        this.categories = categories;
    }

    @GetMapping
    Map<String, List<CategoryView>> list() {
        return Map.of("items", categories.list());
    }

    @GetMapping("/{id}")
    CategoryView get(@PathVariable long id) {
        return categories.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a category; a name in use (any case) is a 409")
    CategoryView create(@RequestBody CategoryForm form) {
        return categories.create(form);
    }

    @PutMapping("/{id}")
    CategoryView update(@PathVariable long id, @RequestBody CategoryForm form) {
        return categories.update(id, form);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Removes an empty category; one holding articles, or Runbooks, is a 409")
    void delete(@PathVariable long id) {
        categories.delete(id);
    }
}
