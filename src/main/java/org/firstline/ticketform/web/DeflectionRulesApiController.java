package org.firstline.ticketform.web;

import java.util.Map;
import org.firstline.ticketform.DeflectionRule;
import org.firstline.ticketform.DeflectionRuleForm;
import org.firstline.ticketform.DeflectionRules;
import org.firstline.ticketform.internal.DeflectionFigures;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deflection rules are configuration: admins only, reading included (the figures say how the form is used). */
@RestController
@RequestMapping("/api/v1/deflection-rules")
@PreAuthorize("hasRole('ADMIN')")
class DeflectionRulesApiController {
    private final DeflectionRules rules;
    private final DeflectionFigures figures;

    DeflectionRulesApiController(DeflectionRules rules, DeflectionFigures figures) {
        this.rules = rules;
        this.figures = figures;
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("items", rules.list());
    }

    @GetMapping("/figures")
    DeflectionFigures.Figures figures() {
        return figures.figures();
    }

    @GetMapping("/{id}")
    DeflectionRule get(@PathVariable long id) {
        return rules.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DeflectionRule create(@RequestBody DeflectionRuleForm form) {
        return rules.create(form);
    }

    @PutMapping("/{id}")
    DeflectionRule update(@PathVariable long id, @RequestBody DeflectionRuleForm form) {
        return rules.update(id, form);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        rules.delete(id);
    }
}
