package org.firstline.triage.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.firstline.directory.AgentService;
import org.firstline.directory.TeamService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.LiveChannel;
import org.firstline.ticket.Priority;
import org.firstline.triage.DeskSort;
import org.firstline.triage.TriageDesk;
import org.firstline.triage.TriageSessions;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The triage desk page. Its rows and session panel are fragments the page re-reads when a change is announced on the
 * live channel; its keys post to the small actions below, which answer 204 or the reason they were refused.
 */
@Controller
class TriageDeskController {
    private static final Set<String> DESK_EVENTS =
            Set.of("ticket", "claim", "presence", "suggestion", "session", "sla");

    private final TriageDesk desk;
    private final TriageSessions sessions;
    private final TeamService teams;
    private final AgentService agents;
    private final LiveChannel live;

    TriageDeskController(
            TriageDesk desk, TriageSessions sessions, TeamService teams, AgentService agents, LiveChannel live) {
        this.desk = desk;
        this.sessions = sessions;
        this.teams = teams;
        this.agents = agents;
        this.live = live;
    }

    @GetMapping("/triage")
    String page(
            @RequestParam(defaultValue = "AGE") DeskSort sort,
            @AuthenticationPrincipal AgentPrincipal agent,
            Model model) {
        model.addAttribute("section", "triage");
        model.addAttribute("teams", teams.list());
        model.addAttribute(
                "agents",
                agents.list().stream()
                        // read-only agents own nothing: the person picker offers those who can take work
                        .filter(a ->
                                a.active() && !a.teamIds().isEmpty() && a.role().canWrite())
                        .toList());
        model.addAttribute("priorities", Priority.values());
        rows(sort, agent, model);
        session(model);
        return "triage/desk";
    }

    @GetMapping("/triage/rows")
    String rows(
            @RequestParam(defaultValue = "AGE") DeskSort sort,
            @AuthenticationPrincipal AgentPrincipal agent,
            Model model) {
        model.addAttribute("desk", desk.page(sort, 50, agent));
        model.addAttribute("teams", teams.list());
        return "triage/desk :: rows";
    }

    @GetMapping("/triage/session")
    String session(Model model) {
        var current = sessions.current();
        model.addAttribute("triageSession", current.orElse(null));
        model.addAttribute("lastSessions", sessions.recent(5));
        model.addAttribute("waiting", desk.waiting());
        current.ifPresent(s -> model.addAttribute("newSince", sessions.newSince(s.backlogSince())));
        return "triage/desk :: session";
    }

    /** Live changes for the desk, or (with {@code ticket}) for one ticket page. */
    @GetMapping(path = "/live", produces = "text/event-stream")
    @ResponseBody
    SseEmitter liveEvents(@RequestParam(required = false) Long ticket) {
        return live.subscribe(
                ticket == null
                        ? payload -> payload.indexOf(':') > 0
                                && DESK_EVENTS.contains(payload.substring(0, payload.indexOf(':')))
                        : payload -> payload.endsWith(":" + ticket) || payload.startsWith("session:"));
    }

    @PostMapping("/triage/tickets/{id}/claim")
    ResponseEntity<String> claim(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return DeskActions.run(() -> desk.claim(id, agent));
    }

    @PostMapping("/triage/tickets/{id}/release")
    ResponseEntity<String> release(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent) {
        return DeskActions.run(() -> desk.release(id, agent));
    }

    /** Several tickets at once (bulk selection); each answer line says what happened to one. */
    @PostMapping("/triage/assign")
    ResponseEntity<String> assign(
            @RequestParam String ids,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return forEach(
                ids,
                id -> teamId == null ? desk.assignPerson(id, ownerId, agent) : desk.assign(id, teamId, ownerId, agent));
    }

    @PostMapping("/triage/priority")
    ResponseEntity<String> priority(
            @RequestParam String ids, @RequestParam Priority priority, @AuthenticationPrincipal AgentPrincipal agent) {
        return forEach(ids, id -> desk.prioritize(id, priority, agent));
    }

    @PostMapping("/triage/incident")
    ResponseEntity<String> incident(@RequestParam String ids, @AuthenticationPrincipal AgentPrincipal agent) {
        return forEach(ids, id -> desk.markIncident(id, agent));
    }

    /** The row form for browsers without the desk's script. */
    @PostMapping("/triage/tickets/{id}/assign")
    String assignForm(
            @PathVariable long id,
            @RequestParam long teamId,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var ticket = desk.assign(id, teamId, null, agent);
        flash.addFlashAttribute("notice", "#" + ticket.number() + " assigned.");
        return "redirect:/triage";
    }

    @PostMapping("/triage/presence")
    ResponseEntity<String> presence(
            @RequestParam long ticketId,
            @RequestParam(defaultValue = "false") boolean replying,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return DeskActions.run(() -> desk.present(ticketId, replying, agent));
    }

    @PostMapping("/triage/absence")
    ResponseEntity<String> absence(@RequestParam long ticketId, @AuthenticationPrincipal AgentPrincipal agent) {
        return DeskActions.run(() -> desk.absent(ticketId, agent));
    }

    @PostMapping("/triage/sessions/start")
    String startSession(@AuthenticationPrincipal AgentPrincipal agent) {
        sessions.start(agent);
        return "redirect:/triage";
    }

    @PostMapping("/triage/sessions/end")
    String endSession(@AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        var ended = sessions.end(agent);
        long minutes =
                java.time.Duration.between(ended.startedAt(), ended.endedAt()).toMinutes();
        flash.addFlashAttribute(
                "notice",
                "Session ended: " + ended.handled() + " tickets handled in " + minutes + " min by "
                        + String.join(", ", ended.participants()) + ".");
        return "redirect:/triage";
    }

    private static ResponseEntity<String> forEach(String ids, java.util.function.LongFunction<?> action) {
        List<Long> list;
        try {
            list = Arrays.stream(ids.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(Long::valueOf)
                    .distinct()
                    .toList();
        } catch (NumberFormatException e) {
            return DeskActions.answer(() -> {
                throw new org.firstline.platform.InvalidRequestException(
                        "ids", "must be ticket ids separated by commas");
            });
        }
        if (list.isEmpty() || list.size() > 200) {
            return DeskActions.answer(() -> {
                throw new org.firstline.platform.InvalidRequestException("ids", "name 1 to 200 tickets");
            });
        }
        if (list.size() == 1) {
            return DeskActions.run(() -> {
                var unused = action.apply(list.get(0)); // what the action returns is not shown
            });
        }
        // bulk: do what can be done, and say what could not
        var refused = list.stream()
                .map(id -> DeskActions.run(() -> {
                    var unused = action.apply(id);
                }))
                .filter(r -> !r.getStatusCode().is2xxSuccessful())
                .map(ResponseEntity::getBody)
                .collect(Collectors.toList());
        return refused.isEmpty()
                ? ResponseEntity.noContent().build()
                : DeskActions.answer(() ->
                        (list.size() - refused.size()) + " of " + list.size() + " done. " + String.join(" ", refused));
    }
}
