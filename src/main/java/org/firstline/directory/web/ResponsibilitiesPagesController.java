package org.firstline.directory.web;

import java.util.EnumSet;
import java.util.List;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentService;
import org.firstline.directory.Designation;
import org.firstline.directory.ResponsibilitiesForm;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page where each agent gets a delivery lead and their hats. */
@Controller
class ResponsibilitiesPagesController {
    private final AgentService agents;
    private final AgentResponsibilities responsibilities;

    ResponsibilitiesPagesController(AgentService agents, AgentResponsibilities responsibilities) {
        this.agents = agents;
        this.responsibilities = responsibilities;
    }

    @GetMapping("/admin/people")
    String people(Model model) {
        model.addAttribute("tab", "people");
        model.addAttribute("agents", agents.list());
        model.addAttribute("responsibilities", responsibilities.all());
        model.addAttribute("designations", Designation.values());
        return "admin/people";
    }

    @PostMapping("/admin/people/{id}")
    String save(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long deliveryLeadId,
            @RequestParam(required = false) @Nullable List<Designation> designations,
            RedirectAttributes flash) {
        var chosen = EnumSet.noneOf(Designation.class);
        if (designations != null) chosen.addAll(designations);
        responsibilities.update(id, new ResponsibilitiesForm(deliveryLeadId, chosen));
        flash.addFlashAttribute("notice", agents.get(id).displayName() + ": saved.");
        return "redirect:/admin/people#agent-" + id;
    }
}
