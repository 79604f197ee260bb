package org.firstline.incident.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.firstline.incident.internal.IncidentView;
import org.firstline.incident.internal.Retrospectives;
import org.firstline.incident.internal.SeverityLevels;
import org.firstline.platform.MarkdownRenderer;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What several incident pages show: the severity levels and an incident's retrospective. */
@Component
class PageParts {
    private final SeverityLevels severities;
    private final Retrospectives retrospectives;
    private final MarkdownRenderer markdown;

    PageParts(SeverityLevels severities, Retrospectives retrospectives, MarkdownRenderer markdown) {
        this.severities = severities;
        this.retrospectives = retrospectives;
        this.markdown = markdown;
    }

    /** Each update's Markdown as sanitized HTML, by update id. */
    Map<Long, String> html(IncidentView incident) {
        Map<Long, String> html = new HashMap<>();
        incident.timeline().forEach(u -> html.put(u.id(), markdown.html(u.body())));
        return html;
    }

    List<SeverityLevels.Level> severities() {
        return severities.list();
    }

    /** The retrospective's seven parts in A3 order, each as sanitized HTML from its Markdown; empty parts left out. */
    void retrospective(long incidentId, Model model) {
        var a3 = retrospectives.get(incidentId);
        model.addAttribute("a3", a3);
        var parts = new java.util.LinkedHashMap<String, String>();
        java.util.function.BiConsumer<String, @org.jspecify.annotations.Nullable String> part = (name, text) -> {
            if (text != null && !text.isBlank()) parts.put(name, markdown.html(text));
        };
        part.accept("Background", a3.background());
        part.accept("Current state", a3.currentState());
        part.accept("Goal", a3.goal());
        part.accept("Root cause", a3.rootCause());
        part.accept("Countermeasures", a3.countermeasures());
        part.accept("Plan", a3.plan());
        part.accept("Follow-up", a3.followUp());
        model.addAttribute("a3html", parts);
        model.addAttribute("actions", retrospectives.actions(incidentId));
    }
}
