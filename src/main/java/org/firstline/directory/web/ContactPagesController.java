package org.firstline.directory.web;

import java.util.ArrayList;
import java.util.List;
import org.firstline.directory.ContactForm;
import org.firstline.directory.ContactService;
import org.firstline.directory.OrganizationService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contacts: search, add, and edit addresses and organization memberships. */
@Controller
class ContactPagesController {
    private final ContactService contacts;
    private final OrganizationService organizations;

    ContactPagesController(ContactService contacts, OrganizationService organizations) {
        this.contacts = contacts;
        this.organizations = organizations;
    }

    @GetMapping("/contacts")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long organizationId,
            Model model) {
        model.addAttribute("section", "contacts");
        model.addAttribute("contacts", contacts.list(organizationId, q, 200));
        model.addAttribute("organizations", organizations.list());
        model.addAttribute("q", q);
        return "directory/contacts";
    }

    @PostMapping("/contacts")
    String create(
            @RequestParam String name,
            @RequestParam String emails,
            @RequestParam(required = false) Long organizationId,
            @RequestParam(defaultValue = "false") boolean representative,
            RedirectAttributes flash) {
        List<ContactForm.Membership> memberships = organizationId == null
                ? List.of()
                : List.of(new ContactForm.Membership(organizationId, representative));
        var contact = contacts.create(new ContactForm(name, OrganizationPagesController.split(emails), memberships));
        flash.addFlashAttribute("notice", contact.name() + " added.");
        return "redirect:/contacts/" + contact.id();
    }

    @GetMapping("/contacts/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("section", "contacts");
        model.addAttribute("contact", contacts.get(id));
        model.addAttribute("organizations", organizations.list());
        return "directory/contact";
    }

    @PostMapping("/contacts/{id}")
    String update(
            @PathVariable long id,
            @RequestParam String name,
            @RequestParam String emails,
            @RequestParam(name = "organizationIds", required = false) List<Long> organizationIds,
            @RequestParam(name = "representativeOf", required = false) List<Long> representativeOf,
            RedirectAttributes flash) {
        List<ContactForm.Membership> memberships = new ArrayList<>();
        if (organizationIds != null) {
            organizationIds.forEach(o -> memberships.add(
                    new ContactForm.Membership(o, representativeOf != null && representativeOf.contains(o))));
        }
        contacts.update(id, new ContactForm(name, OrganizationPagesController.split(emails), memberships));
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/contacts/" + id;
    }
}
