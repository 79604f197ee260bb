package org.firstline.integration.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.firstline.directory.TeamService;
import org.firstline.integration.ChargeableForm;
import org.firstline.integration.ChargeableLeads;
import org.firstline.integration.DeliveryLog;
import org.firstline.integration.EngineeringIssues;
import org.firstline.integration.EscalationForm;
import org.firstline.integration.IntegrationSettingsForm;
import org.firstline.integration.IntegrationSettingsService;
import org.firstline.integration.TeamChannels;
import org.firstline.integration.Tracker;
import org.firstline.integration.WebhookEvent;
import org.firstline.integration.WebhookForm;
import org.firstline.integration.Webhooks;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.TicketService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Integrations, the escalation panel on the ticket page, and account managers' leads. */
@Controller
class IntegrationPagesController {
    private final IntegrationSettingsService settings;
    private final TeamChannels channels;
    private final Webhooks webhooks;
    private final DeliveryLog deliveries;
    private final EngineeringIssues issues;
    private final ChargeableLeads leads;
    private final TeamService teams;
    private final TicketService tickets;

    IntegrationPagesController(
            IntegrationSettingsService settings,
            TeamChannels channels,
            Webhooks webhooks,
            DeliveryLog deliveries,
            EngineeringIssues issues,
            ChargeableLeads leads,
            TeamService teams,
            TicketService tickets) {
        this.settings = settings;
        this.channels = channels;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.issues = issues;
        this.leads = leads;
        this.teams = teams;
        this.tickets = tickets;
    }

    @GetMapping("/admin/integrations")
    String admin(Model model) {
        model.addAttribute("section", "admin");
        model.addAttribute("tab", "integrations");
        model.addAttribute("settings", settings.get());
        var teamChannels = new LinkedHashMap<Object, Object>();
        teams.list().forEach(t -> teamChannels.put(t, channels.get(t.id())));
        model.addAttribute("teamChannels", teamChannels);
        var hooks = webhooks.list();
        model.addAttribute("webhooks", hooks);
        var recent = new LinkedHashMap<Long, Object>();
        hooks.forEach(h -> recent.put(h.id(), deliveries.forWebhook(h.id(), 5)));
        model.addAttribute("recentDeliveries", recent);
        model.addAttribute("events", WebhookEvent.values());
        return "integration/admin";
    }

    @PostMapping("/admin/integrations/settings")
    String saveSettings(
            @RequestParam(required = false) String slackSupportWebhook,
            @RequestParam(required = false) String trelloBaseUrl,
            @RequestParam(required = false) String trelloKey,
            @RequestParam(required = false) String trelloToken,
            @RequestParam(required = false) String githubBaseUrl,
            @RequestParam(required = false) String githubRepository,
            @RequestParam(required = false) String githubToken,
            @RequestParam(required = false) String githubWebhookSecret,
            @RequestParam(required = false) String githubPlanningRepository,
            @RequestParam(required = false) String shortcutBaseUrl,
            @RequestParam(required = false) String shortcutToken,
            @RequestParam(required = false) Long shortcutWorkflowStateId,
            @RequestParam(required = false) Integer sprintDays,
            RedirectAttributes flash) {
        if (sprintDays != null && (sprintDays < 1 || sprintDays > 90))
            throw new InvalidRequestException("sprintDays", "must be 1 to 90");
        if (githubRepository != null
                && !githubRepository.isBlank()
                && !githubRepository.strip().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new InvalidRequestException("githubRepository", "must be owner/name");
        }
        if (githubPlanningRepository != null
                && !githubPlanningRepository.isBlank()
                && !githubPlanningRepository.strip().matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new InvalidRequestException("githubPlanningRepository", "must be owner/name");
        }
        // secrets left empty in the form stay as they are; "-" clears one
        settings.update(new IntegrationSettingsForm(
                secret(slackSupportWebhook),
                trelloBaseUrl,
                secret(trelloKey),
                secret(trelloToken),
                githubBaseUrl,
                githubRepository == null ? null : githubRepository.strip(),
                secret(githubToken),
                secret(githubWebhookSecret),
                githubPlanningRepository == null ? null : githubPlanningRepository.strip(),
                shortcutBaseUrl,
                secret(shortcutToken),
                shortcutWorkflowStateId,
                sprintDays));
        flash.addFlashAttribute("notice", "Integration settings saved.");
        return "redirect:/admin/integrations";
    }

    @PostMapping("/admin/integrations/teams/{teamId}")
    String saveChannel(
            @PathVariable long teamId,
            @RequestParam(required = false) String slackWebhook,
            @RequestParam(required = false) String trelloListId,
            RedirectAttributes flash) {
        channels.update(teamId, secret(slackWebhook), trelloListId == null ? null : trelloListId.strip());
        flash.addFlashAttribute("notice", "Team channel saved.");
        return "redirect:/admin/integrations";
    }

    @PostMapping("/admin/integrations/webhooks")
    String createWebhook(
            @RequestParam String name,
            @RequestParam String url,
            @RequestParam(name = "events", required = false) List<String> events,
            RedirectAttributes flash) {
        if (events == null || events.isEmpty()) throw new InvalidRequestException("events", "name at least one event");
        var created = webhooks.create(new WebhookForm(
                name, url, events.stream().map(WebhookEvent::valueOf).toList()));
        flash.addFlashAttribute("notice", "Webhook created. Its signing secret, shown only now: " + created.secret());
        return "redirect:/admin/integrations";
    }

    @PostMapping("/admin/integrations/webhooks/{id}/enable")
    String enableWebhook(@PathVariable long id, RedirectAttributes flash) {
        webhooks.enable(id);
        flash.addFlashAttribute("notice", "Webhook enabled again.");
        return "redirect:/admin/integrations";
    }

    @PostMapping("/admin/integrations/webhooks/{id}/delete")
    String deleteWebhook(@PathVariable long id, RedirectAttributes flash) {
        webhooks.delete(id);
        flash.addFlashAttribute("notice", "Webhook deleted.");
        return "redirect:/admin/integrations";
    }

    @GetMapping("/integration/tickets/{id}/panel")
    String panel(@PathVariable long id, Model model) {
        var ticket = tickets.get(id);
        model.addAttribute("ticket", ticket);
        model.addAttribute("neutralSummary", org.firstline.integration.EscalationDrafts.summary(ticket));
        model.addAttribute("publicTemplate", org.firstline.integration.EscalationDrafts.text(ticket));
        model.addAttribute("issues", issues.forTicket(id));
        model.addAttribute("deliveries", deliveries.forTicket(id));
        model.addAttribute("leads", leads.forTicket(id));
        model.addAttribute("trackers", Arrays.asList(Tracker.values()));
        return "integration/panel :: panel";
    }

    @PostMapping("/integration/tickets/{id}/escalate")
    String escalate(
            @PathVariable long id,
            @RequestParam Tracker tracker,
            @RequestParam String summary,
            @RequestParam(required = false) String investigation,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if (summary.isBlank()) throw new InvalidRequestException("summary", "is required");
        var issue = issues.escalate(id, new EscalationForm(tracker, summary, investigation), agent);
        flash.addFlashAttribute("notice", "Escalated: " + issue.url());
        return backTo(id);
    }

    @PostMapping("/integration/tickets/{id}/plan")
    String plan(
            @PathVariable long id,
            @RequestParam(defaultValue = "GITHUB") Tracker tracker,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var issue = issues.plan(id, tracker, agent);
        flash.addFlashAttribute("notice", "Planning issue opened and the requester told: " + issue.url());
        return backTo(id);
    }

    @PostMapping("/integration/issues/{issueId}/exception")
    String exception(
            @PathVariable long issueId,
            @RequestParam String reason,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        var issue = issues.recordException(issueId, reason, agent);
        flash.addFlashAttribute("notice", "Exception recorded.");
        return backTo(issue.ticketId());
    }

    @PostMapping("/integration/tickets/{id}/chargeable")
    String chargeable(
            @PathVariable long id,
            @RequestParam BigDecimal estimateHours,
            @RequestParam String reason,
            @AuthenticationPrincipal AgentPrincipal agent,
            RedirectAttributes flash) {
        if (estimateHours.compareTo(new BigDecimal("0.5")) < 0
                || estimateHours.compareTo(new BigDecimal("10000")) > 0) {
            throw new InvalidRequestException("estimateHours", "must be 0.5 to 10000 hours");
        }
        if (reason.isBlank()) throw new InvalidRequestException("reason", "is required");
        var lead = leads.markChargeable(id, new ChargeableForm(estimateHours, reason), agent);
        flash.addFlashAttribute("notice", "Handed to " + lead.accountManagerName() + " as a lead.");
        return backTo(id);
    }

    @GetMapping("/leads")
    String leads(
            @RequestParam(defaultValue = "false") boolean all,
            @AuthenticationPrincipal AgentPrincipal agent,
            Model model) {
        model.addAttribute("section", "leads");
        model.addAttribute("all", all && agent.isAdmin());
        model.addAttribute("leads", leads.list(all && agent.isAdmin() ? null : agent.id()));
        return "integration/leads";
    }

    private static @Nullable String secret(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        return "-".equals(value.strip()) ? "" : value;
    }

    private String backTo(long ticketId) {
        return "redirect:/tickets/" + tickets.get(ticketId).number();
    }
}
