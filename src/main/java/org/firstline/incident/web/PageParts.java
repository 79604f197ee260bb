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

    void retrospective(long incidentId, Model model) {
        model.addAttribute("a3", retrospectives.get(incidentId));
        model.addAttribute("actions", retrospectives.actions(incidentId));
    }
}
