package org.firstline.email.internal;

import java.util.List;
import java.util.Map;
import org.firstline.directory.AgentService;
import org.firstline.integration.ChargeableLeadRaised;
import org.firstline.integration.ChargeableLeads;
import org.firstline.platform.FirstlineSettings;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Out-of-scope work handed to an account manager (dxw) reaches them by mail: what, how much, why, and the ticket's
 * address. Queued in the transaction that handed it over, from the ticket's mailbox (chosen when it is sent).
 */
@Component
class LeadMailer {
    private final ChargeableLeads leads;
    private final AgentService agents;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final String publicUrl;

    LeadMailer(
            ChargeableLeads leads,
            AgentService agents,
            MailTemplates templates,
            Outbox outbox,
            FirstlineSettings settings) {
        this.leads = leads;
        this.agents = agents;
        this.templates = templates;
        this.outbox = outbox;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void on(ChargeableLeadRaised raised) {
        var lead = leads.get(raised.leadId());
        var manager = agents.get(raised.accountManagerId());
        if (manager.email() == null || manager.email().isBlank()) {
            return;
        }
        var rendered = templates.render(
                MailTemplates.Key.LEAD,
                Map.of(
                        "agent.name", manager.displayName(),
                        "created.by", lead.createdBy(),
                        "organization.name", String.valueOf(lead.organizationName()),
                        "ticket.number", String.valueOf(lead.ticketNumber()),
                        "ticket.subject", lead.subject(),
                        "ticket.url", publicUrl + "/tickets/" + lead.ticketNumber(),
                        "lead.hours", lead.estimateHours().stripTrailingZeros().toPlainString(),
                        "lead.reason", lead.reason()));
        outbox.enqueue(
                new OutboundMail(
                        null,
                        lead.ticketId(),
                        null,
                        OutboundMail.Kind.LEAD,
                        List.of(manager.email()),
                        List.of(),
                        rendered.subject(),
                        rendered.body()),
                null);
    }
}
