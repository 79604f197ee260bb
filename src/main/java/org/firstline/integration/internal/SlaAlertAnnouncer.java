package org.firstline.integration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.firstline.integration.WebhookEvent;
import org.firstline.platform.FirstlineSettings;
import org.firstline.sla.SlaAlert;
import org.firstline.sla.SlaAlertKind;
import org.firstline.sla.SlaAlertsRaised;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Service-level alerts to the integrations: one message per team per sweep in each team's Slack channel (when it opted
 * in), and each alert to the webhooks subscribed to {@code sla.at_risk} or {@code sla.breached}.
 */
@Component
class SlaAlertAnnouncer {
    private static final int LISTED = 10;

    private final JdbcClient jdbc;
    private final DeliveryQueue queue;
    private final ObjectMapper json;
    private final String publicUrl;
    private final TicketAnnouncer announcer;

    SlaAlertAnnouncer(
            JdbcClient jdbc,
            DeliveryQueue queue,
            ObjectMapper json,
            FirstlineSettings settings,
            TicketAnnouncer announcer) {
        this.announcer = announcer;
        this.jdbc = jdbc;
        this.queue = queue;
        this.json = json;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void raised(SlaAlertsRaised event) {
        // one look for subscribers per batch: most desks have none, and a batch may hold thousands of alerts
        boolean subscribed = jdbc.sql(
                        "select exists (select 1 from webhook_subscription where active and events && ?::text[])")
                .param("{SLA_AT_RISK,SLA_BREACHED}")
                .query(Boolean.class)
                .single();
        for (SlaAlert alert : subscribed ? event.alerts() : List.<SlaAlert>of()) {
            var extra = new LinkedHashMap<String, Object>();
            extra.put("target", alert.target().name());
            extra.put("dueAt", alert.dueAt().toString());
            announcer.webhooks(
                    alert.kind() == SlaAlertKind.BREACHED ? WebhookEvent.SLA_BREACHED : WebhookEvent.SLA_AT_RISK,
                    alert.ticketId(),
                    extra);
        }
        var byTeam = new LinkedHashMap<Long, List<SlaAlert>>();
        for (SlaAlert alert : event.alerts()) {
            if (alert.teamId() != null)
                byTeam.computeIfAbsent(alert.teamId(), t -> new ArrayList<>()).add(alert);
        }
        byTeam.forEach((team, alerts) -> {
            boolean slack = jdbc.sql("select slack_webhook is not null from team_channel where team_id = ?")
                    .param(team)
                    .query(Boolean.class)
                    .optional()
                    .orElse(false);
            if (slack) {
                queue.slack(
                        alerts.size() == 1 ? alerts.getFirst().ticketId() : null,
                        team,
                        "sla.alert",
                        json.writeValueAsString(Map.of("text", text(alerts))));
            }
        });
    }

    private String text(List<SlaAlert> alerts) {
        var lines = new ArrayList<String>();
        for (SlaAlert a : alerts.subList(0, Math.min(LISTED, alerts.size()))) {
            lines.add((a.kind() == SlaAlertKind.BREACHED
                            ? ":rotating_light: *Breached*"
                            : ":hourglass_flowing_sand: *At risk*")
                    + " "
                    + a.target().label().toLowerCase(Locale.ROOT) + " on <" + publicUrl + "/tickets/" + a.ticketNumber()
                    + "|#" + a.ticketNumber() + " "
                    + TicketAnnouncer.escape(a.subject()) + "> · "
                    + a.priority().name().toLowerCase(Locale.ROOT));
        }
        if (alerts.size() > LISTED)
            lines.add("…and " + (alerts.size() - LISTED) + " more: <" + publicUrl + "/sla|service levels>");
        return String.join("\n", lines);
    }
}
