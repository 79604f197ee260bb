package org.firstline.knowledge.web;

import org.firstline.knowledge.ArticleQuery;
import org.firstline.knowledge.Articles;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The article picker of the ticket page (htmx): for a reply, any article (an internal one links its agent page and says
 * so); for a self-service resolution, public ones only, since the link goes to the customer.
 */
@Controller
class ArticlePickerController {
    private static final int SHOWN = 8;

    private final Articles articles;

    ArticlePickerController(Articles articles) {
        this.articles = articles;
    }

    @GetMapping("/knowledge/picker")
    String picker(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(name = "for", defaultValue = "reply") String target,
            Model model) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 200) query = query.substring(0, 200);
        boolean resolution = target.equals("resolution");
        var found = articles.search(
                resolution ? ArticleQuery.forCustomers(query, null) : ArticleQuery.forAgents(query, null), null, SHOWN);
        model.addAttribute("items", found.items());
        model.addAttribute("target", resolution ? "resolution" : "reply");
        model.addAttribute("q", query);
        return "knowledge/picker :: picker";
    }
}
