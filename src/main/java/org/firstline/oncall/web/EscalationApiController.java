package org.firstline.oncall.web;

import java.util.List;
import java.util.Map;
import org.firstline.oncall.ContactMethodForm;
import org.firstline.oncall.ContactMethodView;
import org.firstline.oncall.ContactMethods;
import org.firstline.oncall.EscalationPolicies;
import org.firstline.oncall.EscalationPolicyForm;
import org.firstline.oncall.EscalationPolicyView;
import org.firstline.oncall.EscalationView;
import org.firstline.oncall.Escalations;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Escalation policies (admins write), escalations (writers act on them) and each person's contact methods. */
@RestController
@RequestMapping("/api/v1")
class EscalationApiController {
    private final EscalationPolicies policies;
    private final Escalations escalations;
    private final ContactMethods contactMethods;

    EscalationApiController(EscalationPolicies policies, Escalations escalations, ContactMethods contactMethods) {
        this.policies = policies;
        this.escalations = escalations;
        this.contactMethods = contactMethods;
    }

    @GetMapping("/escalation-policies")
    Map<String, List<EscalationPolicyView>> policies() {
        return Map.of("items", policies.list());
    }

    @GetMapping("/escalation-policies/{id}")
    EscalationPolicyView policy(@PathVariable long id) {
        return policies.get(id);
    }

    @PostMapping("/escalation-policies")
    @ResponseStatus(HttpStatus.CREATED)
    EscalationPolicyView create(@RequestBody EscalationPolicyForm form) {
        return policies.create(form);
    }

    @PatchMapping("/escalation-policies/{id}")
    EscalationPolicyView update(@PathVariable long id, @RequestBody EscalationPolicyForm form) {
        return policies.update(id, form);
    }

    @DeleteMapping("/escalation-policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        policies.delete(id);
    }

    @GetMapping("/escalations")
    Map<String, List<EscalationView>> escalations(
            @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) throw new InvalidRequestException("limit", "must be between 1 and 500");
        return Map.of("items", escalations.recent(open, limit));
    }

    @GetMapping("/escalations/{id}")
    EscalationView escalation(@PathVariable long id) {
        return escalations.get(id);
    }

    @PostMapping("/escalations/{id}/acknowledge")
    EscalationView acknowledge(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return escalations.acknowledge(id, agent.id());
    }

    @PostMapping("/escalations/{id}/resolve")
    EscalationView resolve(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return escalations.resolve(id, agent.id());
    }

    @PostMapping("/escalations/{id}/escalate")
    EscalationView escalate(@PathVariable long id) {
        return escalations.escalate(id);
    }

    record Responder(@Nullable Long agentId) {}

    @PostMapping("/escalations/{id}/responders")
    EscalationView addResponder(@PathVariable long id, @RequestBody Responder responder) {
        if (responder.agentId() == null) throw new InvalidRequestException("agentId", "is required");
        return escalations.addResponder(id, responder.agentId());
    }

    @GetMapping("/people/{agentId}/contact-methods")
    Map<String, List<ContactMethodView>> contactMethods(
            @PathVariable long agentId, @AuthenticationPrincipal AgentPrincipal agent) {
        return Map.of("items", contactMethods.of(agentId, agent));
    }

    @PostMapping("/people/{agentId}/contact-methods")
    @ResponseStatus(HttpStatus.CREATED)
    ContactMethodView addContactMethod(
            @PathVariable long agentId,
            @RequestBody ContactMethodForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return contactMethods.add(agentId, form, agent);
    }

    @DeleteMapping("/people/{agentId}/contact-methods/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeContactMethod(
            @PathVariable long agentId, @PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        contactMethods.remove(agentId, id, agent);
    }
}
