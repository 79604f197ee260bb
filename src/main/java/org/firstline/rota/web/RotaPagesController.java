package org.firstline.rota.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FormNumbers;
import org.firstline.platform.InvalidRequestException;
import org.firstline.rota.MemberForm;
import org.firstline.rota.RotaWarning;
import org.firstline.rota.RotationForm;
import org.firstline.rota.RotationView;
import org.firstline.rota.Rotations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rota pages: the list, planning a rotation, its members and publishing it past its warnings. */
@Controller
class RotaPagesController {
    private final Rotations rotations;
    private final RotaPageModel model;
    private final AgentService agents;
    private final org.firstline.rota.RotaPublishing publishing;

    RotaPagesController(
            Rotations rotations,
            RotaPageModel model,
            AgentService agents,
            org.firstline.rota.RotaPublishing publishing) {
        this.rotations = rotations;
        this.model = model;
        this.agents = agents;
        this.publishing = publishing;
    }

    @GetMapping("/rotas")
    String list(@AuthenticationPrincipal AgentPrincipal agent, Model page) {
        model.list(agent, page);
        return "rota/list";
    }

    @PostMapping("/rotas")
    String create(
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        model.mustPlan(agent);
        var rotation = rotations.create(form(form));
        flash.addFlashAttribute(
                "notice", "Rota " + rotation.name() + " planned as a draft: add its members, then publish.");
        return "redirect:/rotas/" + rotation.id();
    }

    @GetMapping("/rotas/{id}")
    String page(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model page) {
        model.rota(rotations.get(id), agent, page);
        return "rota/rota";
    }

    @PostMapping("/rotas/{id}")
    String update(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        model.mustPlan(agent);
        rotations.update(id, form(form));
        flash.addFlashAttribute("notice", "Settings saved; shifts that have not begun are planned again.");
        return "redirect:/rotas/" + id;
    }

    /** Members per role: one username a line in turn order, shadows on their own list. */
    @PostMapping("/rotas/{id}/members")
    String members(
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        model.mustPlan(agent);
        RotationView rotation = rotations.get(id);
        var members = new ArrayList<MemberForm>();
        for (int i = 0; i < rotation.roles().size(); i++) {
            String role = rotation.roles().get(i);
            add(members, form.getOrDefault("members" + i, ""), role, false, "members" + i);
            add(members, form.getOrDefault("shadows" + i, ""), role, true, "shadows" + i);
        }
        rotations.setMembers(id, members);
        flash.addFlashAttribute("notice", "Members saved; shifts that have not begun are planned again.");
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/publish")
    String publish(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        model.mustPlan(agent);
        var outcome = publishing.publish(id, confirm);
        if (!outcome.published()) {
            flash.addFlashAttribute(
                    "publishWarnings",
                    outcome.warnings().stream().map(RotaWarning::message).toList());
            flash.addFlashAttribute(
                    "error", "Not published yet: look at the warnings, then publish anyway if they are right.");
        } else {
            flash.addFlashAttribute("notice", "Published: the rota now decides who is on duty.");
        }
        return "redirect:/rotas/" + id;
    }

    @PostMapping("/rotas/{id}/unpublish")
    String unpublish(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        model.mustPlan(agent);
        publishing.unpublish(id);
        flash.addFlashAttribute("notice", "Back to draft: nobody is on this rota until it is published again.");
        return "redirect:/rotas/" + id;
    }

    private void add(List<MemberForm> members, String lines, String role, boolean shadow, String field) {
        for (String line : lines.split("[\\r\\n,]+")) {
            String username = line.strip();
            if (username.isEmpty()) continue;
            var found = agents.principal(username)
                    .orElseThrow(
                            () -> new InvalidRequestException(field, "'" + username + "' is not an agent's username"));
            members.add(new MemberForm(found.id(), role, shadow));
        }
    }

    private static RotationForm form(Map<String, String> form) {
        List<String> roles = List.of(form.getOrDefault("roles", "").split(","));
        return new RotationForm(
                form.get("name"),
                FormNumbers.optional("teamId", form.get("teamId"), 1, Long.MAX_VALUE),
                form.get("duty"),
                form.get("handoffDay"),
                form.get("handoffTime"),
                form.get("timeZone"),
                FormNumbers.optionalInt("shiftDays", form.get("shiftDays")),
                roles.stream().allMatch(String::isBlank) ? null : roles,
                FormNumbers.optional("calendarId", form.get("calendarId"), 1, Long.MAX_VALUE),
                form.get("anchorDate"),
                FormNumbers.optionalInt("noticeDays", form.get("noticeDays")));
    }

    static Instant horizonFrom(Instant now) {
        return now.plus(Duration.ofDays(100));
    }
}
