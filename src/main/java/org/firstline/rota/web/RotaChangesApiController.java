package org.firstline.rota.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.AbsenceView;
import org.firstline.rota.ChecklistEntry;
import org.firstline.rota.DutyChecklists;
import org.firstline.rota.FairnessRow;
import org.firstline.rota.Notice;
import org.firstline.rota.OnCallRequestView;
import org.firstline.rota.OnCallRequests;
import org.firstline.rota.OutOfOffice;
import org.firstline.rota.OverrideForm;
import org.firstline.rota.OverrideView;
import org.firstline.rota.RotaFairness;
import org.firstline.rota.RotaOverrides;
import org.firstline.rota.RotaSwaps;
import org.firstline.rota.SwapView;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.Planners;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Changes to rotas over the API: overrides, swaps, out-of-office, on-call requests; fairness and checklists. */
@RestController
@RequestMapping("/api/v1/rotas")
class RotaChangesApiController {
    private final RotaOverrides overrides;
    private final RotaSwaps swaps;
    private final OutOfOffice outOfOffice;
    private final OnCallRequests onCall;
    private final Planners planners;
    private final RotaFairness fairness;
    private final DutyChecklists checklists;

    @SuppressWarnings("ConstructorParameters") // the API's one door to seven small services
    RotaChangesApiController(
            RotaOverrides overrides,
            RotaSwaps swaps,
            OutOfOffice outOfOffice,
            OnCallRequests onCall,
            Planners planners,
            RotaFairness fairness,
            DutyChecklists checklists) {
        this.overrides = overrides;
        this.swaps = swaps;
        this.outOfOffice = outOfOffice;
        this.onCall = onCall;
        this.planners = planners;
        this.fairness = fairness;
        this.checklists = checklists;
    }

    record SwapRequest(@Nullable Long shiftId, @Nullable Long otherShiftId) {}

    record AbsenceRequest(
            @Nullable Long agentId,
            @Nullable String startsAt,
            @Nullable String endsAt,
            @Nullable String reason) {}

    record JoinRequest(@Nullable String role) {}

    record ItemRequest(@Nullable String title, @Nullable String weekday) {}

    record TickRequest(@Nullable String dueOn) {}

    @GetMapping("/{id}/overrides")
    List<OverrideView> overrides(@PathVariable long id) {
        return overrides.list(id);
    }

    @PostMapping("/{id}/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    Notice<OverrideView> override(
            @PathVariable long id, @RequestBody OverrideForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        return overrides.add(id, form);
    }

    @DeleteMapping("/{id}/overrides/{overrideId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOverride(
            @PathVariable long id, @PathVariable long overrideId, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        overrides.delete(id, overrideId);
    }

    @GetMapping("/{id}/swaps")
    List<SwapView> swaps(@PathVariable long id) {
        return swaps.list(id);
    }

    @PostMapping("/swaps")
    @ResponseStatus(HttpStatus.CREATED)
    Notice<SwapView> propose(@RequestBody SwapRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        if (request.shiftId() == null) throw new InvalidRequestException("shiftId", "is required");
        return swaps.propose(request.shiftId(), request.otherShiftId(), agent);
    }

    @PostMapping("/swaps/{swapId}/accept")
    SwapView accept(@PathVariable long swapId, @AuthenticationPrincipal AgentPrincipal agent) {
        return swaps.accept(swapId, agent);
    }

    @PostMapping("/swaps/{swapId}/approve")
    SwapView approve(@PathVariable long swapId, @AuthenticationPrincipal AgentPrincipal agent) {
        return swaps.approve(swapId, agent);
    }

    @PostMapping("/swaps/{swapId}/refuse")
    SwapView refuse(@PathVariable long swapId, @AuthenticationPrincipal AgentPrincipal agent) {
        return swaps.refuse(swapId, agent);
    }

    @GetMapping("/out-of-office")
    List<AbsenceView> absences(
            @RequestParam(required = false) @Nullable Long agentId, @AuthenticationPrincipal AgentPrincipal agent) {
        return outOfOffice.of(agentId == null ? agent.id() : agentId);
    }

    /** A person enters their own absence; a planner may enter anyone's. */
    @PostMapping("/out-of-office")
    @ResponseStatus(HttpStatus.CREATED)
    Notice<AbsenceView> absent(@RequestBody AbsenceRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        long who = request.agentId() == null ? agent.id() : request.agentId();
        if (who != agent.id()) planners.mustPlan(agent);
        return outOfOffice.add(who, request.startsAt(), request.endsAt(), request.reason());
    }

    @DeleteMapping("/out-of-office/{absenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void back(@PathVariable long absenceId, @AuthenticationPrincipal AgentPrincipal agent) {
        if (outOfOffice.get(absenceId).agentId() != agent.id()) planners.mustPlan(agent);
        outOfOffice.delete(absenceId);
    }

    @PostMapping("/{id}/alerts/{shiftId}/dismiss")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dismiss(@PathVariable long id, @PathVariable long shiftId, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        outOfOffice.dismissAlert(id, shiftId);
    }

    @GetMapping("/{id}/on-call-requests")
    List<OnCallRequestView> requests(@PathVariable long id) {
        return onCall.list(id);
    }

    @PostMapping("/{id}/on-call-requests")
    @ResponseStatus(HttpStatus.CREATED)
    OnCallRequestView join(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable JoinRequest request,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return onCall.request(id, request == null ? null : request.role(), agent);
    }

    @PostMapping("/on-call-requests/{requestId}/approve")
    OnCallRequestView approveOnCall(@PathVariable long requestId, @AuthenticationPrincipal AgentPrincipal agent) {
        return onCall.decide(requestId, true, agent);
    }

    @PostMapping("/on-call-requests/{requestId}/refuse")
    OnCallRequestView refuseOnCall(@PathVariable long requestId, @AuthenticationPrincipal AgentPrincipal agent) {
        return onCall.decide(requestId, false, agent);
    }

    @GetMapping("/{id}/fairness")
    List<FairnessRow> fairness(
            @PathVariable long id, @RequestParam @Nullable String from, @RequestParam @Nullable String to) {
        Instant start = FormCheck.instant("from", from);
        Instant end = FormCheck.instant("to", to);
        if (!end.isAfter(start)) throw new InvalidRequestException("to", "must be after from");
        if (Duration.between(start, end).toDays() > 800)
            throw new InvalidRequestException("to", "at most 800 days after from");
        return fairness.figures(id, start, end);
    }

    @GetMapping("/{id}/checklist")
    List<ChecklistEntry> checklist(@PathVariable long id, @RequestParam(required = false) @Nullable String at) {
        return checklists.due(id, at == null ? Instant.now(overridesClock()) : FormCheck.instant("at", at));
    }

    @PostMapping("/{id}/checklist-items")
    @ResponseStatus(HttpStatus.CREATED)
    DutyChecklists.Item addItem(
            @PathVariable long id, @RequestBody ItemRequest request, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        return checklists.add(id, request.title(), request.weekday());
    }

    @PostMapping("/{id}/checklist/{itemId}/tick")
    ChecklistEntry tick(
            @PathVariable long id,
            @PathVariable long itemId,
            @RequestBody(required = false) @Nullable TickRequest request,
            @AuthenticationPrincipal AgentPrincipal agent) {
        if (!agent.role().canWrite()) throw new AccessDeniedException("Read-only agents tick nothing.");
        return checklists.tick(id, itemId, request == null ? null : request.dueOn(), agent, planners.canPlan(agent));
    }

    private java.time.Clock overridesClock() {
        return planners.clock();
    }
}
