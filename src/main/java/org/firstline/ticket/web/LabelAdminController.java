package org.firstline.ticket.web;

import org.firstline.ticket.LabelService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the list of labels. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class LabelAdminController {
    private final LabelService labels;

    LabelAdminController(LabelService labels) {
        this.labels = labels;
    }

    @GetMapping("/admin/labels")
    String list(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "labels");
        model.addAttribute("labels", labels.list());
        return "admin/labels";
    }

    @PostMapping("/admin/labels")
    String create(
            @RequestParam String name, @RequestParam(defaultValue = "#6b7280") String color, RedirectAttributes flash) {
        labels.create(name, color);
        flash.addFlashAttribute("notice", "Label added.");
        return "redirect:/admin/labels";
    }

    @PostMapping("/admin/labels/{id}")
    String update(
            @PathVariable long id, @RequestParam String name, @RequestParam String color, RedirectAttributes flash) {
        labels.update(id, name, color);
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/admin/labels";
    }
}
