package org.firstline.oncall;

import java.util.Map;
import java.util.stream.Collectors;
import org.firstline.directory.AgentService;
import org.firstline.platform.AgentPrincipal;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.Channel;
import org.firstline.ticket.OpenTicketForm;
import org.firstline.ticket.Priority;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Make a ticket" from an alert: an internal ticket (alerts are not from customers) on the alert's channel, requested
 * by the agent who made it, with the alert's summary, labels and runbook, linking back to the alert; the alert links
 * to the ticket. Asked twice, it answers the ticket it already made.
 */
@Service
public class AlertTickets {
    private final JdbcClient jdbc;
    private final Alerts alerts;
    private final TicketService tickets;
    private final AgentService agents;
    private final FirstlineSettings settings;

    AlertTickets(
            JdbcClient jdbc, Alerts alerts, TicketService tickets, AgentService agents, FirstlineSettings settings) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.tickets = tickets;
        this.agents = agents;
        this.settings = settings;
    }

    /** The alert's ticket, made now unless it has one; {@code made} says which. */
    public record Made(TicketView ticket, boolean made) {}

    @Transactional
    public Made ticketFor(long alertId, AgentPrincipal actor) {
        alerts.get(alertId);
        Long existing = jdbc.sql("select ticket_id from alert where id = ? for update")
                .param(alertId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            var ticket = tickets.find(existing);
            if (ticket.isPresent()) return new Made(ticket.get(), false);
        }
        AlertView alert = alerts.get(alertId);
        var form = new OpenTicketForm(
                cut("Alert: " + alert.summary(), 500),
                body(alert),
                new OpenTicketForm.Requester(agents.get(actor.id()).email(), actor.displayName()),
                alert.organizationId(),
                alert.serviceId(),
                null,
                priority(alert.severity()),
                null,
                Channel.ALERT,
                null,
                null,
                null,
                null,
                true,
                null,
                null,
                null,
                null,
                null);
        TicketView ticket = tickets.open(form, actor, null);
        jdbc.sql("update alert set ticket_id = ?, ticket_number = ? where id = ?")
                .params(ticket.id(), ticket.number(), alertId)
                .update();
        return new Made(ticket, true);
    }

    private String body(AlertView alert) {
        StringBuilder body = new StringBuilder();
        body.append("Alert from ").append(alert.sourceName()).append(": ").append(alert.summary());
        if (!alert.details().isBlank()) body.append("\n\n").append(alert.details());
        body.append("\n\nSeverity: ")
                .append(alert.severity())
                .append(" · status: ")
                .append(alert.status())
                .append(" · first fired: ")
                .append(alert.openedAt())
                .append(" · received ")
                .append(alert.receipts())
                .append(alert.receipts() == 1 ? " time" : " times");
        if (alert.runbookUrl() != null) body.append("\n\nRunbook: ").append(alert.runbookUrl());
        if (!alert.labels().isEmpty()) {
            body.append("\n\nLabels:\n")
                    .append(alert.labels().entrySet().stream()
                            .map((Map.Entry<String, String> e) -> "- " + e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n")));
        }
        body.append("\n\nThe alert: ")
                .append(settings.publicUrl().replaceAll("/+$", ""))
                .append("/alerts/")
                .append(alert.id());
        return cut(body.toString(), 200000);
    }

    private static Priority priority(AlertSeverity severity) {
        return switch (severity) {
            case CRITICAL -> Priority.CRITICAL;
            case HIGH -> Priority.HIGH;
            case LOW -> Priority.NORMAL;
            case INFO -> Priority.LOW;
        };
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
