package org.firstline.oncall.web;

import org.firstline.directory.AgentService;
import org.firstline.oncall.ContactMethodForm;
import org.firstline.oncall.ContactMethods;
import org.firstline.oncall.Escalations;
import org.firstline.platform.AgentPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The desk's on-call pages: escalations and their pages, acting on them, and one's own contact methods. */
@Controller
class OnCallPagesController {
    private final Escalations escalations;
    private final ContactMethods contactMethods;
    private final AgentService agents;

    OnCallPagesController(Escalations escalations, ContactMethods contactMethods, AgentService agents) {
        this.escalations = escalations;
        this.contactMethods = contactMethods;
        this.agents = agents;
    }

    @GetMapping("/oncall")
    String list(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        model.addAttribute("section", "oncall");
        model.addAttribute("open", escalations.recent(true, 200));
        model.addAttribute("recent", escalations.recent(false, 50));
        model.addAttribute("methods", contactMethods.of(agent.id()));
        return "oncall/list";
    }

    @GetMapping("/oncall/escalations/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("section", "oncall");
        model.addAttribute("escalation", escalations.get(id));
        model.addAttribute(
                "agents", agents.list().stream().filter(a -> a.active()).toList());
        return "oncall/escalation";
    }

    @PostMapping("/oncall/escalations/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        escalations.acknowledge(id, agent.id());
        flash.addFlashAttribute("notice", "Acknowledged: the next steps will not page anyone.");
        return back(id);
    }

    @PostMapping("/oncall/escalations/{id}/resolve")
    String resolve(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        escalations.resolve(id, agent.id());
        flash.addFlashAttribute("notice", "Resolved.");
        return back(id);
    }

    @PostMapping("/oncall/escalations/{id}/escalate")
    String escalate(@PathVariable long id, RedirectAttributes flash) {
        var after = escalations.escalate(id);
        flash.addFlashAttribute(
                "notice",
                after.note() != null ? after.note() : "Escalated to step " + (after.stepPosition() + 1) + ".");
        return back(id);
    }

    @PostMapping("/oncall/escalations/{id}/responders")
    String addResponder(@PathVariable long id, @RequestParam long agentId, RedirectAttributes flash) {
        escalations.addResponder(id, agentId);
        flash.addFlashAttribute("notice", agents.get(agentId).displayName() + " is paged as a responder.");
        return back(id);
    }

    @PostMapping("/oncall/contact-methods")
    String addMethod(
            @RequestParam String kind,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String url,
            @RequestParam(defaultValue = "0") int delayMinutes,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        contactMethods.add(agent.id(), new ContactMethodForm(kind, email, url, delayMinutes), agent);
        flash.addFlashAttribute("notice", "Contact method added.");
        return "redirect:/oncall#contact-methods";
    }

    @PostMapping("/oncall/contact-methods/{id}/delete")
    String removeMethod(
            @PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes flash) {
        contactMethods.remove(agent.id(), id, agent);
        flash.addFlashAttribute("notice", "Contact method removed.");
        return "redirect:/oncall#contact-methods";
    }

    private static String back(long id) {
        return "redirect:/oncall/escalations/" + id;
    }
}
