package org.firstline.directory.web;

import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentResponsibilities;
import org.firstline.directory.AgentView;
import org.firstline.directory.Designation;
import org.firstline.directory.Responsibilities;
import org.firstline.directory.ResponsibilitiesForm;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Delivery leads and designations: every agent reads, admins change (the API door's rule for /agents). */
@RestController
@RequestMapping("/api/v1")
class ResponsibilitiesApiController {
    private final AgentResponsibilities responsibilities;

    ResponsibilitiesApiController(AgentResponsibilities responsibilities) {
        this.responsibilities = responsibilities;
    }

    @GetMapping("/agents/{id}/responsibilities")
    Responsibilities get(@PathVariable long id) {
        return responsibilities.of(id);
    }

    @PutMapping("/agents/{id}/responsibilities")
    Responsibilities put(@PathVariable long id, @RequestBody ResponsibilitiesForm form) {
        return responsibilities.update(id, form);
    }

    @GetMapping("/designations/{designation}")
    Map<String, List<AgentView>> holders(@PathVariable Designation designation) {
        return Map.of("items", responsibilities.holders(designation));
    }
}
