package org.firstline.incident.web;

import java.util.List;
import org.firstline.incident.internal.Retrospectives;
import org.firstline.incident.internal.SeverityLevels;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What several incident pages show: the severity levels and an incident's retrospective. */
@Component
class PageParts {
    private final SeverityLevels severities;
    private final Retrospectives retrospectives;

    PageParts(SeverityLevels severities, Retrospectives retrospectives) {
        this.severities = severities;
        this.retrospectives = retrospectives;
    }

    List<SeverityLevels.Level> severities() {
        return severities.list();
    }

    void retrospective(long incidentId, Model model) {
        model.addAttribute("a3", retrospectives.get(incidentId));
        model.addAttribute("actions", retrospectives.actions(incidentId));
    }
}
