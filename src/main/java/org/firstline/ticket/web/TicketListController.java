package org.firstline.ticket.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentPrincipal;
import org.firstline.ticket.Priority;
import org.firstline.ticket.SavedView;
import org.firstline.ticket.SavedViewService;
import org.firstline.ticket.TicketPage;
import org.firstline.ticket.TicketQueries;
import org.firstline.ticket.TicketStatus;
import org.firstline.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The ticket list: filters, search, saved views with live counts, keyset pages. */
@Controller
class TicketListController {
    private static final int PAGE_SIZE = 50;

    private final TicketQueries queries;
    private final SavedViewService views;
    private final TicketNames names;

    TicketListController(TicketQueries queries, SavedViewService views, TicketNames names) {
        this.queries = queries;
        this.views = views;
        this.names = names;
    }

    @GetMapping("/tickets")
    String list(
            @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal AgentPrincipal agent,
            Model model) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>(params);
        String viewId = query.getFirst("view");
        if (viewId != null) {
            views.find(Long.parseLong(viewId), agent.id()).ifPresent(v -> {
                var saved = UriComponentsBuilder.fromUriString("?" + v.query())
                        .build()
                        .getQueryParams();
                saved.forEach((k, values) -> query.putIfAbsent(k, values));
                model.addAttribute("activeView", v);
            });
        } else if (query.isEmpty()) {
            query.add("status", "open");
        }
        var filter = TicketFilterParams.from(query, agent, names.teamsOf(agent.id()));
        TicketPage page = queries.list(filter, query.getFirst("cursor"), PAGE_SIZE);
        model.addAttribute("section", "tickets");
        model.addAttribute("page", page);
        model.addAttribute("query", query.toSingleValueMap());
        model.addAttribute("statusParam", String.join(",", query.getOrDefault("status", List.of())));
        model.addAttribute("queryString", queryString(query, "cursor"));
        model.addAttribute("views", views.visibleTo(agent.id()));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        names.addTo(model, page.items());
        return "ticket/list";
    }

    /** Counts of every saved view, refreshed by the page every 30 seconds. */
    @GetMapping("/tickets/view-counts")
    String counts(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        List<Long> myTeams = names.teamsOf(agent.id());
        for (SavedView view : views.visibleTo(agent.id())) {
            var params = UriComponentsBuilder.fromUriString("?" + view.query())
                    .build()
                    .getQueryParams();
            counts.put(view.id(), queries.count(TicketFilterParams.from(params, agent, myTeams)));
        }
        model.addAttribute("views", views.visibleTo(agent.id()));
        model.addAttribute("counts", counts);
        return "ticket/list :: view-links";
    }

    @PostMapping("/tickets/views")
    String saveView(
            @RequestParam String name,
            @RequestParam(defaultValue = "") String query,
            @RequestParam(defaultValue = "false") boolean shared,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        SavedView view = views.save(name, query, shared, agent);
        flash.addFlashAttribute(
                "notice",
                "View “" + view.name() + "” saved"
                        + (view.shared() ? " and shared with everyone." : "; only you see it."));
        return "redirect:/tickets?view=" + view.id();
    }

    @PostMapping("/tickets/views/{id}/delete")
    String deleteView(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        views.delete(id, agent);
        flash.addFlashAttribute("notice", "View deleted.");
        return "redirect:/tickets";
    }

    static @Nullable String queryString(MultiValueMap<String, String> query, String... without) {
        var copy = new LinkedMultiValueMap<>(query);
        for (String key : without) {
            copy.remove(key);
        }
        copy.remove("view");
        return UriComponentsBuilder.newInstance()
                .queryParams(copy)
                .build()
                .encode()
                .getQuery();
    }
}
