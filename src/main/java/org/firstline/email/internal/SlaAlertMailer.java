package org.firstline.email.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamService;
import org.firstline.platform.FirstlineSettings;
import org.firstline.sla.SlaAlert;
import org.firstline.sla.SlaAlertKind;
import org.firstline.sla.SlaAlertsRaised;
import org.firstline.triage.TeamQueues;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Service-level warnings and breaches by mail: each alert goes to the ticket's owner, or its team when nobody owns it,
 * and to whoever is on first line for that team (for a ticket with no team, everyone on first line); each person gets
 * one digest per sweep, with times in their own zone. Queued in the transaction that marks the alerts told.
 */
@Component
class SlaAlertMailer {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz");
    private static final int LISTED = 50;

    private final AgentService agents;
    private final TeamService teams;
    private final TeamQueues queues;
    private final MailboxStore mailboxes;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final String publicUrl;

    SlaAlertMailer(
            AgentService agents,
            TeamService teams,
            TeamQueues queues,
            MailboxStore mailboxes,
            MailTemplates templates,
            Outbox outbox,
            FirstlineSettings settings) {
        this.agents = agents;
        this.teams = teams;
        this.queues = queues;
        this.mailboxes = mailboxes;
        this.templates = templates;
        this.outbox = outbox;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void raised(SlaAlertsRaised event) {
        var mailbox = mailboxes.senderFor(event.alerts().getFirst().ticketId());
        if (mailbox.isEmpty()) return;
        var byAgent = new LinkedHashMap<Long, List<SlaAlert>>();
        for (SlaAlert alert : event.alerts()) {
            for (long agent : recipients(alert))
                byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(alert);
        }
        byAgent.forEach((agentId, alerts) -> agents.find(agentId)
                .filter(a -> a.active() && !a.email().isBlank())
                .ifPresent(agent -> {
                    var rendered = templates.render(
                            MailTemplates.Key.SLA_ALERT,
                            Map.of(
                                    "agent.name",
                                    agent.displayName(),
                                    "alerts.summary",
                                    summary(alerts),
                                    "alerts.list",
                                    list(alerts, agent),
                                    "sla.url",
                                    publicUrl + "/sla"));
                    outbox.enqueue(
                            new OutboundMail(
                                    mailbox.get().id(),
                                    null,
                                    null,
                                    OutboundMail.Kind.SLA_ALERT,
                                    List.of(agent.email()),
                                    List.of(),
                                    rendered.subject(),
                                    rendered.body()),
                            mailbox.get().address());
                }));
    }

    private Set<Long> recipients(SlaAlert alert) {
        var people = new LinkedHashSet<Long>();
        if (alert.ownerId() != null) people.add(alert.ownerId());
        else if (alert.teamId() != null) teams.find(alert.teamId()).ifPresent(t -> people.addAll(t.memberIds()));
        if (alert.teamId() != null) queues.onDuty(alert.teamId()).ifPresent(people::add);
        else people.addAll(queues.onDutyAnywhere());
        return people;
    }

    private static String summary(List<SlaAlert> alerts) {
        long breached =
                alerts.stream().filter(a -> a.kind() == SlaAlertKind.BREACHED).count();
        long atRisk = alerts.size() - breached;
        if (alerts.size() == 1) {
            SlaAlert a = alerts.getFirst();
            return (a.kind() == SlaAlertKind.BREACHED ? "Breached: " : "At risk: ")
                    + a.target().label().toLowerCase(Locale.ROOT) + " on #" + a.ticketNumber() + " " + a.subject();
        }
        return (breached > 0 ? breached + " breached" : "") + (breached > 0 && atRisk > 0 ? ", " : "")
                + (atRisk > 0 ? atRisk + " at risk" : "") + ": service levels on "
                + alerts.stream().map(SlaAlert::ticketId).distinct().count() + " tickets";
    }

    private String list(List<SlaAlert> alerts, AgentView agent) {
        ZoneId zone = zone(agent.timeZone());
        var lines = new ArrayList<String>();
        for (SlaAlert a : alerts.subList(0, Math.min(LISTED, alerts.size()))) {
            lines.add("- " + (a.kind() == SlaAlertKind.BREACHED ? "BREACHED" : "at risk") + ": "
                    + a.target().label().toLowerCase(Locale.ROOT) + " on #"
                    + a.ticketNumber() + " (" + a.priority().name().toLowerCase(Locale.ROOT) + ") " + a.subject()
                    + "\n  due "
                    + WHEN.format(a.dueAt().atZone(zone)) + " · " + publicUrl + "/tickets/" + a.ticketNumber());
        }
        if (alerts.size() > LISTED) lines.add("…and " + (alerts.size() - LISTED) + " more.");
        return String.join("\n", lines);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
