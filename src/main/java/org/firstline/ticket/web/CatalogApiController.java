package org.firstline.ticket.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.firstline.ticket.CannedResponseForm;
import org.firstline.ticket.CannedResponseService;
import org.firstline.ticket.CannedResponseView;
import org.firstline.ticket.LabelService;
import org.firstline.ticket.LabelView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Canned responses (any agent may write them) and labels (admins keep the list). */
@RestController
@RequestMapping("/api/v1")
class CatalogApiController {
    private final CannedResponseService canned;
    private final LabelService labels;

    CatalogApiController(CannedResponseService canned, LabelService labels) {
        this.canned = canned;
        this.labels = labels;
    }

    record LabelForm(String name, String color) {}

    @GetMapping("/canned-responses")
    Map<String, List<CannedResponseView>> canned() {
        return Map.of("items", canned.list());
    }

    @GetMapping("/canned-responses/{id}")
    CannedResponseView cannedResponse(@PathVariable long id) {
        return canned.get(id);
    }

    @PostMapping("/canned-responses")
    @ResponseStatus(HttpStatus.CREATED)
    CannedResponseView createCanned(@Valid @RequestBody CannedResponseForm form) {
        return canned.create(form);
    }

    @PatchMapping("/canned-responses/{id}")
    CannedResponseView updateCanned(@PathVariable long id, @Valid @RequestBody CannedResponseForm form) {
        return canned.update(id, form);
    }

    @GetMapping("/labels")
    Map<String, List<LabelView>> labels() {
        return Map.of("items", labels.list());
    }

    @PostMapping("/labels")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    LabelView createLabel(@RequestBody LabelForm form) {
        return labels.create(form.name(), form.color());
    }

    @PatchMapping("/labels/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    LabelView updateLabel(@PathVariable long id, @RequestBody LabelForm form) {
        return labels.update(id, form.name(), form.color());
    }
}
