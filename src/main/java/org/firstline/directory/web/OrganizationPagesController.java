package org.firstline.directory.web;

import java.util.Arrays;
import java.util.List;
import org.firstline.directory.AgentService;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizations: list, onboarding form, and each one's plan, services and contacts. */
@Controller
class OrganizationPagesController {
    private final OrganizationService organizations;
    private final ContactService contacts;
    private final AgentService agents;

    OrganizationPagesController(OrganizationService organizations, ContactService contacts, AgentService agents) {
        this.organizations = organizations;
        this.contacts = contacts;
        this.agents = agents;
    }

    @GetMapping("/organizations")
    String list(Model model) {
        model.addAttribute("section", "organizations");
        model.addAttribute("organizations", organizations.list());
        model.addAttribute("plans", organizations.plans());
        model.addAttribute("agents", agents.list());
        return "directory/organizations";
    }

    @PostMapping("/organizations")
    String create(
            @RequestParam String name,
            @RequestParam(required = false) Long planId,
            @RequestParam(defaultValue = "") String domains,
            @RequestParam(defaultValue = "false") boolean representativesOnly,
            @RequestParam(required = false) Long accountManagerId,
            RedirectAttributes flash) {
        var organization = organizations.create(
                new OrganizationForm(name, planId, split(domains), representativesOnly, accountManagerId, ""));
        flash.addFlashAttribute("notice", organization.name() + " added.");
        return "redirect:/organizations/" + organization.id();
    }

    @GetMapping("/organizations/{id}")
    String show(@PathVariable long id, Model model) {
        var organization = organizations.get(id);
        model.addAttribute("section", "organizations");
        model.addAttribute("organization", organization);
        model.addAttribute("plans", organizations.plans());
        model.addAttribute(
                "plan",
                organization.planId() == null
                        ? null
                        : organizations.plan(organization.planId()).orElse(null));
        model.addAttribute("services", organizations.services(id));
        model.addAttribute("contacts", contacts.list(id, null, 500));
        model.addAttribute("agents", agents.list());
        return "directory/organization";
    }

    @PostMapping("/organizations/{id}")
    String update(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(required = false) Long planId,
            @RequestParam(defaultValue = "") String domains,
            @RequestParam(defaultValue = "false") boolean representativesOnly,
            @RequestParam(required = false) Long accountManagerId,
            @RequestParam(defaultValue = "") String notes,
            RedirectAttributes flash) {
        organizations.update(
                id, new OrganizationForm(name, planId, split(domains), representativesOnly, accountManagerId, notes));
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/organizations/" + id;
    }

    @PostMapping("/organizations/{id}/services")
    String addService(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam(defaultValue = "") String components,
            RedirectAttributes flash) {
        organizations.addService(id, name, split(components));
        flash.addFlashAttribute("notice", "Service added.");
        return "redirect:/organizations/" + id;
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split("[,\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
