package org.firstline.knowledge.web;

import java.util.Arrays;
import org.firstline.knowledge.ArticleCategories;
import org.firstline.knowledge.ArticleForm;
import org.firstline.knowledge.Articles;
import org.firstline.knowledge.CategoryForm;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.ConflictException;
import org.firstline.platform.InvalidRequestException;
import org.firstline.platform.MarkdownRenderer;
import org.firstline.platform.RefusalMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing articles. A refused save shows the form again with what was typed, so nothing is lost; a save over a newer
 * version says who saved it and keeps the edit in the form.
 */
@Controller
class ArticleEditController {
    private final Articles articles;
    private final ArticleCategories categories;
    private final MarkdownRenderer markdown;

    ArticleEditController(Articles articles, ArticleCategories categories, MarkdownRenderer markdown) {
        this.articles = articles;
        this.categories = categories;
        this.markdown = markdown;
    }

    /** What the form shows: a saved article or what was typed. */
    record Draft(
            @Nullable Long id,
            String title,
            String body,
            String visibility,
            @Nullable Long categoryId,
            String slug,
            int version) {}

    @GetMapping("/knowledge/new")
    String newArticle(@RequestParam(required = false) @Nullable Long category, Model model) {
        return form(model, new Draft(null, "", "", Visibility.INTERNAL.name(), category, "", 0), null);
    }

    @PostMapping("/knowledge")
    String create(
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String visibility,
            @RequestParam(defaultValue = "") String categoryId,
            @RequestParam(defaultValue = "") String slug,
            @AuthenticationPrincipal AgentPrincipal agent,
            Model model,
            RedirectAttributes flash) {
        var draft = new Draft(null, title, body, visibility, number(categoryId), slug, 0);
        try {
            var article = articles.create(form(draft, null), agent);
            flash.addFlashAttribute("notice", "Article saved.");
            return "redirect:/knowledge/" + article.id();
        } catch (InvalidRequestException | ConflictException e) {
            return form(model, draft, RefusalMessages.of(e));
        }
    }

    @GetMapping("/knowledge/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        var a = articles.get(id);
        return form(
                model,
                new Draft(a.id(), a.title(), a.body(), a.visibility().name(), a.categoryId(), a.slug(), a.version()),
                null);
    }

    @PostMapping("/knowledge/{id}")
    String update(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body,
            @RequestParam(defaultValue = "") String visibility,
            @RequestParam(defaultValue = "") String categoryId,
            @RequestParam(defaultValue = "0") int version,
            @AuthenticationPrincipal AgentPrincipal agent,
            Model model,
            RedirectAttributes flash) {
        var current = articles.get(id);
        var draft = new Draft(id, title, body, visibility, number(categoryId), current.slug(), version);
        try {
            articles.update(id, form(draft, version), agent);
            flash.addFlashAttribute("notice", "Article saved.");
            return "redirect:/knowledge/" + id;
        } catch (InvalidRequestException | ConflictException e) {
            model.addAttribute("newer", articles.get(id).version() != version ? articles.get(id) : null);
            return form(model, draft, RefusalMessages.of(e));
        }
    }

    @PostMapping("/knowledge/{id}/archive")
    String archive(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        articles.archive(id, agent);
        flash.addFlashAttribute("notice", "Article archived: it left the searches and the public page.");
        return "redirect:/knowledge/" + id;
    }

    @PostMapping("/knowledge/{id}/restore")
    String restore(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        articles.restore(id, agent);
        flash.addFlashAttribute("notice", "Article restored.");
        return "redirect:/knowledge/" + id;
    }

    /** The body as it will read, for the form's preview (htmx). */
    @PostMapping("/knowledge/preview")
    @ResponseBody
    String preview(@RequestParam(defaultValue = "") String body) {
        String html = markdown.html(body);
        return "<div class=\"markdown\" id=\"preview-body\">"
                + (html.isBlank() ? "<p class=\"muted\">Nothing to preview yet.</p>" : html) + "</div>";
    }

    @PostMapping("/knowledge/categories")
    String addCategory(@RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        categories.create(new CategoryForm(name, null));
        flash.addFlashAttribute("notice", "Category added.");
        return "redirect:/knowledge";
    }

    private String form(Model model, Draft draft, @Nullable String problem) {
        model.addAttribute("section", "knowledge");
        model.addAttribute("draft", draft);
        model.addAttribute("problem", problem);
        model.addAttribute("categories", categories.list());
        model.addAttribute("visibilities", Visibility.values());
        return "knowledge/edit";
    }

    private static ArticleForm form(Draft draft, @Nullable Integer version) {
        Visibility visibility = Arrays.stream(Visibility.values())
                .filter(v -> v.name().equals(draft.visibility()))
                .findFirst()
                .orElse(null);
        return new ArticleForm(
                draft.title(), draft.body(), visibility, draft.categoryId(), blankToNull(draft.slug()), version);
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private static @Nullable Long number(String value) {
        if (!value.strip().matches("\\d{1,18}")) return null;
        return Long.valueOf(value.strip());
    }
}
