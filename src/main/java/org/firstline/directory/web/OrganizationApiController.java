package org.firstline.directory.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.firstline.directory.OrganizationForm;
import org.firstline.directory.OrganizationService;
import org.firstline.directory.OrganizationView;
import org.firstline.directory.PlanView;
import org.firstline.directory.ServiceView;
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

/** Organizations, their services and the support plans they are on. */
@RestController
@RequestMapping("/api/v1")
class OrganizationApiController {
    private final OrganizationService organizations;

    OrganizationApiController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    record ServiceForm(@NotBlank(message = "is required") String name, List<String> components) {}

    record PlanForm(
            @NotBlank(message = "is required") String name,
            String description,

            @NotNull(message = "is required") @Min(value = 0, message = "must be 0 or more")
            Integer budgetHours,

            @Pattern(regexp = "MONTH|QUARTER|YEAR", message = "must be one of [MONTH, QUARTER, YEAR]")
            String budgetPeriod,

            boolean aroundTheClock) {}

    @GetMapping("/organizations")
    Map<String, List<OrganizationView>> list() {
        return Map.of("items", organizations.list());
    }

    @GetMapping("/organizations/{id}")
    OrganizationView get(@PathVariable long id) {
        return organizations.get(id);
    }

    @PostMapping("/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    OrganizationView create(@Valid @RequestBody OrganizationForm form) {
        return organizations.create(form);
    }

    @PatchMapping("/organizations/{id}")
    OrganizationView update(@PathVariable long id, @RequestBody OrganizationForm form) {
        return organizations.update(id, form);
    }

    @GetMapping("/organizations/{id}/services")
    Map<String, List<ServiceView>> services(@PathVariable long id) {
        organizations.get(id);
        return Map.of("items", organizations.services(id));
    }

    @PostMapping("/organizations/{id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceView addService(@PathVariable long id, @Valid @RequestBody ServiceForm form) {
        return organizations.addService(id, form.name(), form.components());
    }

    @GetMapping("/plans")
    Map<String, List<PlanView>> plans() {
        return Map.of("items", organizations.plans());
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    PlanView createPlan(@Valid @RequestBody PlanForm form) {
        return organizations.createPlan(
                form.name(),
                form.description() == null ? "" : form.description(),
                form.budgetHours(),
                form.budgetPeriod() == null ? "MONTH" : form.budgetPeriod(),
                form.aroundTheClock());
    }
}
