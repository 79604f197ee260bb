package org.firstline.integration.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamService;
import org.firstline.directory.TeamView;
import org.firstline.integration.WebhookEvent;
import org.firstline.platform.FirstlineSettings;
import org.firstline.ticket.MessageKind;
import org.firstline.ticket.MessagePosted;
import org.firstline.ticket.TicketAssigned;
import org.firstline.ticket.TicketOpened;
import org.firstline.ticket.TicketService;
import org.firstline.ticket.TicketStatusChanged;
import org.firstline.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns ticket events into deliveries, in the transaction of the change: a team that got a ticket hears of it in its
 * Slack channel and Trello list (when it opted in), and every active webhook subscribed to the event gets it.
 */
@Component
class TicketAnnouncer {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryQueue queue;
    private final TicketService tickets;
    private final TeamService teams;
    private final AgentService agents;
    private final ObjectMapper json;
    private final String publicUrl;
    private final ActiveWebhooks activeWebhooks;

    TicketAnnouncer(
            ActiveWebhooks activeWebhooks,
            JdbcClient jdbc,
            Clock clock,
            DeliveryQueue queue,
            TicketService tickets,
            TeamService teams,
            AgentService agents,
            ObjectMapper json,
            FirstlineSettings settings) {
        this.activeWebhooks = activeWebhooks;
        this.jdbc = jdbc;
        this.clock = clock;
        this.queue = queue;
        this.tickets = tickets;
        this.teams = teams;
        this.agents = agents;
        this.json = json;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void opened(TicketOpened event) {
        webhooks(WebhookEvent.TICKET_OPENED, event.ticketId(), Map.of());
    }

    @EventListener
    void assigned(TicketAssigned event) {
        TicketView ticket = tickets.get(event.ticketId());
        TeamView team = ticket.teamId() == null ? null : teams.get(ticket.teamId());
        AgentView owner = ticket.ownerId() == null ? null : agents.get(ticket.ownerId());
        boolean newTeam = event.teamId() != null && !event.teamId().equals(event.previousTeamId());
        if (newTeam) {
            var channel = jdbc.sql(
                            "select slack_webhook is not null, trello_list_id from team_channel where team_id = ?")
                    .param(event.teamId())
                    .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getString(2)})
                    .optional();
            if (channel.isPresent() && (Boolean) channel.get()[0]) {
                // the ticket was just given this team
                queue.slack(
                        ticket.id(),
                        Objects.requireNonNull(team).id(),
                        WebhookEvent.TICKET_ASSIGNED.wireName(),
                        slack(ticket, team, owner));
            }
            if (channel.isPresent() && channel.get()[1] != null) {
                queue.trello(
                        ticket.id(),
                        Objects.requireNonNull(team).id(),
                        WebhookEvent.TICKET_ASSIGNED.wireName(),
                        json.writeValueAsString(Map.of(
                                "idList",
                                channel.get()[1],
                                "name",
                                "#" + ticket.number() + " " + ticket.subject(),
                                "desc",
                                "Priority " + ticket.priority()
                                        + (owner == null ? ", nobody owns it yet" : ", owner " + owner.displayName())
                                        + "\n\n" + link(ticket),
                                "urlSource",
                                link(ticket),
                                "pos",
                                "top")));
            }
        }
        var extra = new LinkedHashMap<String, Object>();
        extra.put("previousTeamId", event.previousTeamId());
        extra.put("previousOwnerId", event.previousOwnerId());
        webhooks(WebhookEvent.TICKET_ASSIGNED, event.ticketId(), extra);
    }

    @EventListener
    void statusChanged(TicketStatusChanged event) {
        webhooks(
                WebhookEvent.TICKET_STATUS_CHANGED,
                event.ticketId(),
                Map.of("previousStatus", event.from().name()));
    }

    /** Public messages only: internal notes stay inside, and notes about failed deliveries cannot feed a loop. */
    @EventListener
    void messagePosted(MessagePosted event) {
        if (event.kind() == MessageKind.PUBLIC) {
            webhooks(
                    WebhookEvent.MESSAGE_POSTED,
                    event.ticketId(),
                    Map.of("messageId", event.messageId(), "byAgent", event.byAgent()));
        }
    }

    void webhooks(WebhookEvent event, long ticketId, Map<String, Object> extra) {
        var subscriptions = activeWebhooks.subscribedTo(event);
        if (subscriptions.isEmpty()) return;
        TicketView t = tickets.get(ticketId);
        var ticket = new LinkedHashMap<String, Object>();
        ticket.put("id", t.id());
        ticket.put("number", t.number());
        ticket.put("subject", t.subject());
        ticket.put("status", t.status().name());
        ticket.put("priority", t.priority().name());
        ticket.put("type", t.type().name());
        ticket.put("teamId", t.teamId());
        ticket.put("team", t.teamId() == null ? null : teams.get(t.teamId()).name());
        ticket.put("ownerId", t.ownerId());
        ticket.put("owner", t.ownerId() == null ? null : agents.get(t.ownerId()).displayName());
        ticket.put("organizationId", t.organizationId());
        ticket.put("url", link(t));
        var body = new LinkedHashMap<String, Object>();
        body.put("event", event.wireName());
        body.put("occurredAt", clock.instant().toString());
        body.put("ticket", ticket);
        body.putAll(extra);
        String payload = json.writeValueAsString(body);
        subscriptions.forEach(id -> queue.webhook(ticketId, id, event.wireName(), payload));
    }

    private String slack(TicketView ticket, TeamView team, @Nullable AgentView owner) {
        String text = ":inbox_tray: <" + link(ticket) + "|#" + ticket.number() + " " + escape(ticket.subject())
                + "> came to *"
                + escape(team.name()) + "*"
                + (owner == null ? ", nobody owns it yet" : ", owner: " + escape(owner.displayName()))
                + " · priority " + ticket.priority().name().toLowerCase(Locale.ROOT);
        return json.writeValueAsString(Map.of("text", text));
    }

    private String link(TicketView ticket) {
        return publicUrl + "/tickets/" + ticket.number();
    }

    /** Slack's own escaping: a subject cannot smuggle in mentions or links. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
