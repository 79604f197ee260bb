package org.firstline.email.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.firstline.directory.AgentService;
import org.firstline.directory.AgentView;
import org.firstline.directory.TeamService;
import org.firstline.platform.FirstlineSettings;
import org.firstline.rota.RotaChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Changes to a published rota by mail: to the people it moves and to the rotation's team, one message each with the
 * time it takes effect in their own zone, and a warning when it comes with less notice than the rota asks. Queued in
 * the transaction that makes the change.
 */
@Component
class RotaMailer {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm zzz", Locale.ENGLISH);

    private final AgentService agents;
    private final TeamService teams;
    private final Outbox outbox;
    private final MailboxStore mailboxes;
    private final String publicUrl;

    RotaMailer(
            AgentService agents, TeamService teams, Outbox outbox, MailboxStore mailboxes, FirstlineSettings settings) {
        this.agents = agents;
        this.teams = teams;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.publicUrl = settings.publicUrl().replaceAll("/+$", "");
    }

    @EventListener
    void changed(RotaChanged change) {
        // mail of no ticket goes out from the first mailbox that can send; with none, there is nobody to send it
        var mailbox = mailboxes.senderAt(null).orElse(null);
        if (mailbox == null) return;
        Set<Long> recipients = new LinkedHashSet<>(change.agentIds());
        if (change.teamId() != null) teams.find(change.teamId()).ifPresent(t -> recipients.addAll(t.memberIds()));
        String moved = String.join(
                ", ",
                change.agentIds().stream()
                        .map(id -> agents.find(id).map(AgentView::displayName).orElse("agent " + id))
                        .toList());
        for (long id : recipients) {
            var agent = agents.find(id).orElse(null);
            if (agent == null || !agent.active() || agent.email().isBlank()) continue;
            String when = WHEN.format(change.takesEffectAt().atZone(zone(agent)));
            boolean yours = change.agentIds().contains(id);
            String body =
                    "The rota " + change.rotationName() + " changed (" + change.what() + ") by " + change.changedBy()
                            + ".\n\n" + (yours ? "Your shifts change. " : "") + "People affected: " + moved + ".\n"
                            + "It takes effect on " + when + ".\n"
                            + (change.shortNotice() ? "\nThis comes with less notice than the rota asks for.\n" : "")
                            + "\nSee the rota: " + publicUrl + "/rotas/" + change.rotationId() + "\n";
            outbox.enqueue(
                    new OutboundMail(
                            mailbox.id(),
                            null,
                            null,
                            OutboundMail.Kind.ROTA_CHANGE,
                            List.of(agent.email()),
                            List.of(),
                            "Rota change: " + change.rotationName() + " from " + when,
                            body),
                    mailbox.address());
        }
    }

    private static ZoneId zone(AgentView agent) {
        try {
            return ZoneId.of(agent.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
