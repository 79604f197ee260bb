package org.firstline.integration.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.firstline.integration.ChargeableForm;
import org.firstline.integration.ChargeableLead;
import org.firstline.integration.ChargeableLeads;
import org.firstline.integration.CreatedWebhook;
import org.firstline.integration.DeliveryLog;
import org.firstline.integration.DeliveryView;
import org.firstline.integration.EngineeringIssue;
import org.firstline.integration.EngineeringIssues;
import org.firstline.integration.EscalationForm;
import org.firstline.integration.IntegrationSettings;
import org.firstline.integration.IntegrationSettingsForm;
import org.firstline.integration.IntegrationSettingsService;
import org.firstline.integration.TeamChannel;
import org.firstline.integration.TeamChannels;
import org.firstline.integration.Tracker;
import org.firstline.integration.WebhookForm;
import org.firstline.integration.WebhookView;
import org.firstline.integration.Webhooks;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.InvalidRequestException;
import org.firstline.ticket.TicketService;
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

/** Integrations over the API: settings, team channels and webhooks (admins), escalations, planned work, leads, the delivery log. */
@RestController
@RequestMapping("/api/v1")
class IntegrationApiController {
    private final IntegrationSettingsService settings;
    private final TeamChannels channels;
    private final Webhooks webhooks;
    private final DeliveryLog deliveries;
    private final EngineeringIssues issues;
    private final ChargeableLeads leads;
    private final TicketService tickets;

    IntegrationApiController(
            IntegrationSettingsService settings,
            TeamChannels channels,
            Webhooks webhooks,
            DeliveryLog deliveries,
            EngineeringIssues issues,
            ChargeableLeads leads,
            TicketService tickets) {
        this.settings = settings;
        this.channels = channels;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.issues = issues;
        this.leads = leads;
        this.tickets = tickets;
    }

    @GetMapping("/integrations/settings")
    IntegrationSettings settings() {
        return settings.get();
    }

    @PatchMapping("/integrations/settings")
    IntegrationSettings updateSettings(@Valid @RequestBody IntegrationSettingsForm form) {
        return settings.update(form);
    }

    record ChannelForm(
            @Nullable String slackWebhook, @Nullable String trelloListId) {}

    @GetMapping("/integrations/teams/{teamId}/channel")
    TeamChannel channel(@PathVariable long teamId) {
        return channels.get(teamId);
    }

    @PutMapping("/integrations/teams/{teamId}/channel")
    TeamChannel updateChannel(@PathVariable long teamId, @RequestBody ChannelForm form) {
        return channels.update(teamId, form.slackWebhook(), form.trelloListId());
    }

    @GetMapping("/webhooks")
    Map<String, List<WebhookView>> webhooks() {
        return Map.of("items", webhooks.list());
    }

    /** The answer carries the signing secret; it is not shown again. */
    @PostMapping("/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedWebhook createWebhook(@Valid @RequestBody WebhookForm form) {
        return webhooks.create(form);
    }

    @PostMapping("/webhooks/{id}/enable")
    WebhookView enableWebhook(@PathVariable long id) {
        return webhooks.enable(id);
    }

    @DeleteMapping("/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteWebhook(@PathVariable long id) {
        webhooks.delete(id);
    }

    @GetMapping("/webhooks/{id}/deliveries")
    Map<String, List<DeliveryView>> webhookDeliveries(
            @PathVariable long id, @RequestParam(defaultValue = "50") int limit) {
        webhooks.get(id);
        return Map.of("items", deliveries.forWebhook(id, Math.max(1, Math.min(limit, 500))));
    }

    @GetMapping("/tickets/{id}/deliveries")
    Map<String, List<DeliveryView>> ticketDeliveries(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", deliveries.forTicket(id));
    }

    @GetMapping("/tickets/{id}/engineering-issues")
    Map<String, List<EngineeringIssue>> engineeringIssues(@PathVariable long id) {
        tickets.get(id);
        return Map.of("items", issues.forTicket(id));
    }

    @PostMapping("/tickets/{id}/escalations")
    @ResponseStatus(HttpStatus.CREATED)
    EngineeringIssue escalate(
            @PathVariable long id,
            @Valid @RequestBody EscalationForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return issues.escalate(id, form, agent);
    }

    record PlanForm(Tracker tracker) {}

    @PostMapping("/tickets/{id}/planning-issue")
    @ResponseStatus(HttpStatus.CREATED)
    EngineeringIssue plan(
            @PathVariable long id,
            @RequestBody(required = false) PlanForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return issues.plan(id, form == null || form.tracker() == null ? Tracker.GITHUB : form.tracker(), agent);
    }

    record ExceptionForm(String reason) {}

    @PostMapping("/engineering-issues/{id}/exception")
    EngineeringIssue exception(
            @PathVariable long id, @RequestBody ExceptionForm form, @AuthenticationPrincipal AgentPrincipal agent) {
        if (form == null) throw new InvalidRequestException("reason", "is required");
        return issues.recordException(id, form.reason(), agent);
    }

    @PostMapping("/tickets/{id}/chargeable")
    @ResponseStatus(HttpStatus.CREATED)
    ChargeableLead chargeable(
            @PathVariable long id,
            @Valid @RequestBody ChargeableForm form,
            @AuthenticationPrincipal AgentPrincipal agent) {
        return leads.markChargeable(id, form, agent);
    }

    /** Leads: an account manager's own by default; admins see everyone's with {@code all=true}. */
    @GetMapping("/leads")
    Map<String, List<ChargeableLead>> leads(
            @RequestParam(defaultValue = "false") boolean all, @AuthenticationPrincipal AgentPrincipal agent) {
        return Map.of("items", leads.list(all && agent.isAdmin() ? null : agent.id()));
    }
}
