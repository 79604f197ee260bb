package org.firstline.rota.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.Duties;
import org.firstline.rota.MemberForm;
import org.firstline.rota.OnShift;
import org.firstline.rota.PublishOutcome;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotaWarning;
import org.firstline.rota.RotationForm;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.firstline.rota.ShiftView;
import org.firstline.rota.internal.FormCheck;
import org.firstline.rota.internal.Planners;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rotations over the API: settings, members, the planned shifts, publishing, and who is on a duty. */
@RestController
@RequestMapping("/api/v1")
class RotaApiController {
    private static final Duration LONGEST_WINDOW = Duration.ofDays(400);

    private final Rotations rotations;
    private final RotaPublishing publishing;
    private final Duties duties;
    private final Planners planners;

    RotaApiController(Rotations rotations, RotaPublishing publishing, Duties duties, Planners planners) {
        this.rotations = rotations;
        this.publishing = publishing;
        this.duties = duties;
        this.planners = planners;
    }

    record Publish(boolean confirm) {}

    @GetMapping("/rotas")
    List<RotationView> list() {
        return rotations.list();
    }

    @GetMapping("/rotas/{id}")
    RotationView get(@PathVariable long id) {
        return rotations.get(id);
    }

    @PostMapping("/rotas")
    @ResponseStatus(HttpStatus.CREATED)
    RotationView create(@RequestBody RotationForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        return rotations.create(form);
    }

    @PutMapping("/rotas/{id}")
    RotationView update(
            @PathVariable long id, @RequestBody RotationForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        return rotations.update(id, form);
    }

    @PutMapping("/rotas/{id}/members")
    RotationView members(
            @PathVariable long id,
            @RequestBody List<MemberForm> members,
            @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        return rotations.setMembers(id, members);
    }

    @GetMapping("/rotas/{id}/shifts")
    List<ShiftView> shifts(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        Instant start = from == null ? Instant.now(rotationsClock()) : FormCheck.instant("from", from);
        Instant end = to == null ? rotations.horizon(id) : FormCheck.instant("to", to);
        if (!end.isAfter(start)) throw new InvalidRequestException("to", "must be after from");
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw new InvalidRequestException("to", "at most 400 days after from");
        }
        return rotations.shifts(id, start, end);
    }

    @GetMapping("/rotas/{id}/warnings")
    List<RotaWarning> warnings(@PathVariable long id) {
        return publishing.warnings(id);
    }

    @PostMapping("/rotas/{id}/publish")
    PublishOutcome publish(
            @PathVariable long id,
            @RequestBody(required = false) @Nullable Publish publish,
            @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        return publishing.publish(id, publish != null && publish.confirm());
    }

    @PostMapping("/rotas/{id}/unpublish")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unpublish(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        planners.mustPlan(agent);
        publishing.unpublish(id);
    }

    @GetMapping("/rotas/{id}/on-shift")
    List<OnShift> onShift(@PathVariable long id, @RequestParam(required = false) @Nullable String at) {
        return duties.onShift(id, at == null ? Instant.now(rotationsClock()) : FormCheck.instant("at", at));
    }

    @GetMapping("/duties/{duty}")
    List<OnShift> onDuty(
            @PathVariable String duty,
            @RequestParam(required = false) @Nullable Long teamId,
            @RequestParam(required = false) @Nullable String at) {
        return duties.on(
                FormCheck.duty(duty), teamId, at == null ? Instant.now(rotationsClock()) : FormCheck.instant("at", at));
    }

    private java.time.Clock rotationsClock() {
        return rotations.clock();
    }
}
