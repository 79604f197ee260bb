package org.firstline.ticketform.web;

import java.util.Arrays;
import org.firstline.knowledge.ArticleQuery;
import org.firstline.knowledge.Articles;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticketform.DeflectionRule;
import org.firstline.ticketform.DeflectionRuleForm;
import org.firstline.ticketform.DeflectionRules;
import org.firstline.ticketform.internal.DeflectionFigures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the form's deflection rules and see how often each one answered a question without a ticket. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DeflectionAdminController {
    private final DeflectionRules rules;
    private final DeflectionFigures figures;
    private final Articles articles;

    DeflectionAdminController(DeflectionRules rules, DeflectionFigures figures, Articles articles) {
        this.rules = rules;
        this.figures = figures;
        this.articles = articles;
    }

    @GetMapping("/admin/deflection")
    String page(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "deflection");
        model.addAttribute("rules", rules.list());
        var all = figures.figures();
        model.addAttribute("figures", all);
        model.addAttribute(
                "ruleFigures",
                all.rules().stream()
                        .collect(java.util.stream.Collectors.toMap(DeflectionFigures.RuleFigures::ruleId, f -> f)));
        model.addAttribute("kinds", DeflectionRule.Kind.values());
        // the newest public articles to link; others by their id through the API
        model.addAttribute(
                "articles",
                articles.search(ArticleQuery.forCustomers(null, null), null, 100)
                        .items());
        return "ticketform/admin";
    }

    @PostMapping("/admin/deflection")
    String create(
            @RequestParam String phrases,
            @RequestParam String kind,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String articleId,
            RedirectAttributes flash) {
        try {
            rules.create(form(phrases, kind, title, url, articleId));
            flash.addFlashAttribute("notice", "Rule added.");
        } catch (InvalidRequestException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            flash.addFlashAttribute("typed", new String[] {phrases, kind, title, url});
        }
        return "redirect:/admin/deflection";
    }

    @PostMapping("/admin/deflection/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        rules.delete(id);
        flash.addFlashAttribute("notice", "Rule deleted.");
        return "redirect:/admin/deflection";
    }

    private static DeflectionRuleForm form(String phrases, String kind, String title, String url, String articleId) {
        DeflectionRule.Kind parsed = Arrays.stream(DeflectionRule.Kind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElse(null);
        return new DeflectionRuleForm(
                Arrays.stream(phrases.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList(),
                parsed,
                title,
                url,
                articleId.matches("\\d{1,18}") ? Long.valueOf(articleId) : null);
    }
}
