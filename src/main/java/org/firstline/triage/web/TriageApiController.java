package org.firstline.triage.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketView;
import org.firstline.triage.ClassifierReport;
import org.firstline.triage.DeskPage;
import org.firstline.triage.DeskSort;
import org.firstline.triage.OwnershipMap;
import org.firstline.triage.OwnershipRule;
import org.firstline.triage.OwnershipRuleForm;
import org.firstline.triage.PriorityFactors;
import org.firstline.triage.PriorityFactorsForm;
import org.firstline.triage.PriorityService;
import org.firstline.triage.PrioritySuggestion;
import org.firstline.triage.SuggestionService;
import org.firstline.triage.TeamQueue;
import org.firstline.triage.TeamQueues;
import org.firstline.triage.TicketSuggestions;
import org.firstline.triage.TriageDesk;
import org.firstline.triage.TriageLearning;
import org.firstline.triage.TriageSessionView;
import org.firstline.triage.TriageSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Triage over the API: suggestions, the desk and its claims, priority factors, sessions, queues and the ownership map. */
@RestController
@RequestMapping("/api/v1")
class TriageApiController {
    private final SuggestionService suggestions;
    private final TriageDesk desk;
    private final PriorityService priorities;
    private final TriageSessions sessions;
    private final TeamQueues queues;
    private final OwnershipMap ownershipMap;
    private final TriageLearning learning;

    TriageApiController(
            SuggestionService suggestions,
            TriageDesk desk,
            PriorityService priorities,
            TriageSessions sessions,
            TeamQueues queues,
            OwnershipMap ownershipMap,
            TriageLearning learning) {
        this.suggestions = suggestions;
        this.desk = desk;
        this.priorities = priorities;
        this.sessions = sessions;
        this.queues = queues;
        this.ownershipMap = ownershipMap;
        this.learning = learning;
    }

    @GetMapping("/tickets/{id}/suggestions")
    TicketSuggestions suggestions(@PathVariable long id) {
        return suggestions.suggest(id);
    }

    @GetMapping("/tickets/{id}/priority-factors")
    PriorityFactors factors(@PathVariable long id) {
        priorities.suggest(id); // 404 for a ticket that does not exist
        return priorities.factors(id);
    }

    @PatchMapping("/tickets/{id}/priority-factors")
    PrioritySuggestion updateFactors(
            @PathVariable long id,
            @Valid @RequestBody PriorityFactorsForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        priorities.update(id, form, agent);
        return priorities.suggest(id);
    }

    record PriorityAnswer(Priority priority) {}

    /** "Does the priority still hold?": with a priority it is changed, without one confirmed. */
    @PostMapping("/tickets/{id}/priority-check")
    PrioritySuggestion confirmPriority(
            @PathVariable long id,
            @RequestBody(required = false) PriorityAnswer answer,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return priorities.confirm(id, answer == null ? null : answer.priority(), agent);
    }

    @GetMapping("/triage/desk")
    DeskPage desk(
            @RequestParam(defaultValue = "AGE") DeskSort sort,
            @RequestParam(defaultValue = "50") int limit,
            @AuthenticationPrincipal AgentPrincipal agent) {
        if (limit < 1 || limit > 500) throw new InvalidRequestException("limit", "must be 1 to 500");
        return desk.page(sort, limit, agent);
    }

    @PostMapping("/triage/tickets/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void claim(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        desk.claim(id, agent);
    }

    @DeleteMapping("/triage/tickets/{id}/claim")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void release(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        desk.release(id, agent);
    }

    record Assignment(Long teamId, Long ownerId) {}

    /** Gives an untriaged ticket a team (and an owner); 409 if another triager holds it or it already has a team. */
    @PostMapping("/triage/tickets/{id}/assign")
    TicketView assign(
            @PathVariable long id, @RequestBody Assignment assignment, @AuthenticationPrincipal AgentPrincipal agent) {
        if (assignment.teamId() == null && assignment.ownerId() == null) {
            throw new InvalidRequestException("teamId", "name a team, an owner, or both");
        }
        return assignment.teamId() == null
                ? desk.assignPerson(id, assignment.ownerId(), agent)
                : desk.assign(id, assignment.teamId(), assignment.ownerId(), agent);
    }

    @PostMapping("/triage/tickets/{id}/priority")
    TicketView prioritize(
            @PathVariable long id, @RequestBody PriorityAnswer answer, @AuthenticationPrincipal AgentPrincipal agent) {
        if (answer.priority() == null) throw new InvalidRequestException("priority", "is required");
        return desk.prioritize(id, answer.priority(), agent);
    }

    @PostMapping("/triage/tickets/{id}/incident")
    TicketView markIncident(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return desk.markIncident(id, agent);
    }

    @GetMapping("/triage/sessions")
    Map<String, Object> sessions() {
        return Map.of(
                "current", sessions.current().map(s -> (Object) s).orElse(Map.of()), "recent", sessions.recent(20));
    }

    @PostMapping("/triage/sessions")
    TriageSessionView startSession(@AuthenticationPrincipal AgentPrincipal agent) {
        return sessions.start(agent);
    }

    @PostMapping("/triage/sessions/current/end")
    TriageSessionView endSession(@AuthenticationPrincipal AgentPrincipal agent) {
        return sessions.end(agent);
    }

    @GetMapping("/triage/teams/{teamId}/queue")
    TeamQueue queue(@PathVariable long teamId) {
        return queues.queue(teamId);
    }

    @PostMapping("/triage/teams/{teamId}/standup")
    TeamQueue standup(@PathVariable long teamId, @AuthenticationPrincipal AgentPrincipal agent) {
        queues.standupHeld(teamId, agent);
        return queues.queue(teamId);
    }

    record OnDuty(@Nullable Long agentId) {}

    @PutMapping("/triage/teams/{teamId}/on-duty")
    OnDuty onDuty(@PathVariable long teamId, @RequestBody OnDuty onDuty) {
        queues.setOnDuty(teamId, onDuty.agentId());
        return new OnDuty(queues.onDuty(teamId).orElse(null));
    }

    @PostMapping("/tickets/{id}/take")
    TicketView take(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return queues.take(id, agent);
    }

    @GetMapping("/ownership-rules")
    Map<String, List<OwnershipRule>> rules() {
        return Map.of("items", ownershipMap.list());
    }

    @PostMapping("/ownership-rules")
    @ResponseStatus(HttpStatus.CREATED)
    OwnershipRule addRule(@Valid @RequestBody OwnershipRuleForm form) {
        return ownershipMap.add(form);
    }

    @PutMapping("/ownership-rules/{id}")
    OwnershipRule updateRule(@PathVariable long id, @Valid @RequestBody OwnershipRuleForm form) {
        return ownershipMap.update(id, form);
    }

    @DeleteMapping("/ownership-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(@PathVariable long id) {
        ownershipMap.delete(id);
    }

    @GetMapping("/triage/classifier")
    ClassifierReport classifier() {
        return learning.report();
    }

    /** Retrains the classifier (and the index of similar tickets) on this node now; answers its held-out accuracy. */
    @PostMapping("/triage/classifier/train")
    ClassifierReport train() {
        return learning.retrain();
    }
}
